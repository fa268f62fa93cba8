import { sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { log } from '@/lib/log';
import { openDatabase } from './connect';
import { rowsOf } from './rows';
import { auditLog, issuedLinks } from './schema';

describe('database', () => {
  it('applies the committed migrations on open, and again harmlessly on a second open', async () => {
    const opts = { url: process.env.DATABASE_URL, pgliteDir: 'memory://' };
    const first = await openDatabase(opts);
    const second = process.env.DATABASE_URL ? await openDatabase(opts) : undefined;
    expect(first.kind).toBe(process.env.DATABASE_URL ? 'postgres' : 'pglite');
    // The tables exist and answer queries in both dialects' drivers.
    await expect(first.db.select().from(issuedLinks).limit(1)).resolves.toBeInstanceOf(Array);
    await expect(first.db.select().from(auditLog).limit(1)).resolves.toBeInstanceOf(Array);
    await second?.close();
    await first.close();
  });
});

describe.runIf(process.env.DATABASE_URL)('Postgres connections the server ends', () => {
  it('an idle connection ended by the server is dropped with a warning, not a crash, and the next query gets another', async () => {
    const database = await openDatabase({ url: process.env.DATABASE_URL, pgliteDir: '' });
    const killer = await openDatabase({ url: process.env.DATABASE_URL, pgliteDir: '' });
    const warned: string[] = [];
    const warn = vi.spyOn(log, 'warn').mockImplementation(((fields: unknown, msg: string) => void warned.push(`${msg} ${JSON.stringify(fields)}`)) as never);
    try {
      // A connection in each pool, idle now.
      await database.db.execute(sql`select 1`);
      await database.backgroundDb.execute(sql`select 1`);
      const ours = rowsOf<{ pid: number }>(await database.db.execute(sql`select pg_backend_pid() as pid`));
      const pid = ours[0]?.pid;
      await killer.db.execute(sql`select pg_terminate_backend(${pid})`);
      await expect
        .poll(() => warned.some((l) => l.includes('an idle connection of a pool ended') && l.includes('"pool":"request"')), { timeout: 5000 })
        .toBe(true);
      const again = rowsOf<{ n: number }>(await database.db.execute(sql`select 1 as n`));
      expect(again).toEqual([{ n: 1 }]);
    } finally {
      warn.mockRestore();
      await killer.close();
      await database.close();
    }
  });
});
