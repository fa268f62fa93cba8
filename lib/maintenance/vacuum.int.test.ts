import { randomUUID } from 'node:crypto';
import { like, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '@/lib/db/rows';
import { inbox } from '@/lib/db/schema';
import { appContext } from '@/lib/server/context';
import { runMaintenance } from './job';

const SETTINGS = { expireStartedAfterHours: 24, inboxRetentionDays: 30, linkRetentionDays: 30 };

async function inboxStats() {
  const { db } = await appContext();
  await db.execute(sql`select pg_stat_force_next_flush()`); // this backend's counts, not a second old
  const result = await db.execute(sql`
    select s.n_dead_tup as dead, c.reltuples, s.vacuum_count as vacuums
    from pg_stat_user_tables s join pg_class c on c.oid = s.relid
    where s.schemaname = 'public' and s.relname = 'inbox'`);
  const [row] = rowsOf<{ dead: string; reltuples: number; vacuums: string }>(result);
  if (!row) throw new Error('no statistics for inbox');
  return { dead: Number(row.dead), rows: Number(row.reltuples), vacuums: Number(row.vacuums) };
}

/** 300 callbacks stored and deleted: 300 dead rows in `inbox`, past autovacuum's 50 + 20% of a small table. */
async function churnInbox() {
  const { db } = await appContext();
  const tag = `vacuum-${randomUUID()}`;
  await db.insert(inbox).values(Array.from({ length: 300 }, (_, i) => ({ provider: 'test', eventKey: `${tag}-${i}`, payload: {} })));
  await db.delete(inbox).where(like(inbox.eventKey, `${tag}-%`));
}

describe('maintenance does autovacuum’s work where there is none', () => {
  it('on PGlite a table past autovacuum’s threshold is vacuumed and analyzed; on Postgres it is left to autovacuum', async () => {
    const { db, stripe, database } = await appContext();
    await churnInbox();
    const embedded = database.kind === 'pglite';
    const before = await inboxStats();

    const report = await runMaintenance({ db, stripe, embedded }, SETTINGS);

    if (embedded) {
      expect(before.dead).toBeGreaterThanOrEqual(300);
      expect(report.vacuum.vacuumed).toContain('inbox');
      const after = await inboxStats();
      expect(after.dead).toBe(0);
      expect(after.vacuums).toBe(before.vacuums + 1);
      // The planner now has a row count for the table (-1: never counted).
      expect(after.rows).toBeGreaterThanOrEqual(0);
    } else {
      expect(report.vacuum).toEqual({ vacuumed: [], analyzed: [] });
      const [setting] = rowsOf<{ autovacuum: string }>(await db.execute(sql`show autovacuum`));
      expect(setting?.autovacuum).toBe('on');
    }
  });

  it('a table vacuumed in one run is not due at the next (on Postgres the job vacuums nothing)', async () => {
    const { db, stripe, database } = await appContext();
    const embedded = database.kind === 'pglite';
    await churnInbox();
    const first = await runMaintenance({ db, stripe, embedded }, SETTINGS);
    const before = await inboxStats();

    const report = await runMaintenance({ db, stripe, embedded }, SETTINGS);

    expect(first.vacuum.vacuumed.includes('inbox')).toBe(embedded);
    expect(report.vacuum.vacuumed).not.toContain('inbox');
    expect((await inboxStats()).vacuums).toBe(before.vacuums);
  });
});
