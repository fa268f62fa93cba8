import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { describe, expect, it } from 'vitest';
import { audit } from '@/lib/audit';
import { auditLog } from '@/lib/db/schema';
import { verifyAuditChain } from './chain';

const migrations = path.join(process.cwd(), 'lib/db/migrations');

/** The committed migrations up to (not including) `tag`, in a folder of their own. */
async function migrationsBefore(tag: string): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'migrations-'));
  await cp(migrations, dir, { recursive: true });
  const journalPath = path.join(dir, 'meta/_journal.json');
  const journal = JSON.parse(await readFile(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const cut = journal.entries.findIndex((e) => e.tag.endsWith(tag));
  await writeFile(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, cut) }));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

describe('migration audit_hash_chain', () => {
  it('chains the rows written before it, in the order they were inserted, and new rows continue the chain', { timeout: 120_000 }, async () => {
    const before = await migrationsBefore('_audit_hash_chain');
    const client = await PGlite.create('memory://');
    try {
      await migrate(drizzle(client), { migrationsFolder: before.dir });
      for (const n of [1, 2, 3]) await client.query(`insert into audit_log (actor, action, details) values ('system', 'old.row', '{"n": ${n}}')`);
      const db = drizzle(client, { schema: { auditLog } });
      await migrate(db, { migrationsFolder: migrations });
      await audit(db, { actor: 'system', action: 'retention.deleted' });

      const rows = await db.select().from(auditLog).orderBy(auditLog.seq);
      expect(rows.map((r) => [r.seq, r.action, r.details])).toEqual([
        [1, 'old.row', { n: 1 }],
        [2, 'old.row', { n: 2 }],
        [3, 'old.row', { n: 3 }],
        [4, 'retention.deleted', {}],
      ]);
      expect(await verifyAuditChain(db)).toMatchObject({ checked: 4, firstBreak: null });
    } finally {
      await client.close();
      await before.remove();
    }
  });
});
