import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from './connect';
import { rowsOf } from './rows';

const journalFile = path.join(process.cwd(), 'lib/db/migrations/meta/_journal.json');

/** The newest committed migration's timestamp (drizzle's journal: what openDatabase applies). */
async function newestCommitted(): Promise<{ when: number; tag: string } | undefined> {
  const journal = JSON.parse(await readFile(journalFile, 'utf8')) as { entries: { when: number; tag: string }[] };
  return journal.entries.reduce<{ when: number; tag: string } | undefined>((a, e) => (!a || e.when > a.when ? e : a), undefined);
}

/**
 * Whether the database holds every committed migration, as drizzle's migrator records them
 * (drizzle.__drizzle_migrations, one row per applied migration, its `created_at` the journal's
 * `when`). Null when it does; otherwise the first one missing, in words.
 */
export async function missingMigration(db: Db): Promise<string | null> {
  const newest = await newestCommitted();
  if (!newest) return null;
  const result = await db.execute(sql`select max(created_at) as last from drizzle.__drizzle_migrations`).catch((err: unknown) => {
    // No such table: nothing was ever migrated here.
    if ((err as { code?: string })?.code === '42P01' || (err as { cause?: { code?: string } })?.cause?.code === '42P01') return null;
    throw err;
  });
  const last = result ? Number(rowsOf<{ last: string | number | null }>(result)[0]?.last ?? 0) : 0;
  return last >= newest.when ? null : `migration ${newest.tag} is not applied`;
}
