import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPgliteThread, type PgliteThread } from './pglite-thread';

// PGlite's own thread, as openDatabase starts it without a DATABASE_URL (the same on both runs).
let db: PgliteThread;
beforeAll(async () => {
  db = await startPgliteThread({ dataDir: 'memory://', template: process.env.PGLITE_TEMPLATE });
  await db.exec('create table things (id int primary key, at timestamptz not null default now(), body jsonb)');
});
afterAll(async () => db.close());

describe("PGlite's thread", () => {
  it('answers as PGlite does: rows by name or by position, jsonb as objects, affected rows', async () => {
    const inserted = await db.query('insert into things (id, body) values ($1, $2::jsonb), ($3, $4::jsonb)', [1, '{"a":1}', 2, '{"b":[2]}']);
    expect(inserted.affectedRows).toBe(2);
    expect((await db.query('select id, body from things order by id')).rows).toEqual([
      { id: 1, body: { a: 1 } },
      { id: 2, body: { b: [2] } },
    ]);
    expect((await db.query('select id from things where id = $1', [2], { rowMode: 'array' })).rows).toEqual([[2]]);
  });

  it("applies the caller's parsers here, to Postgres' text (drizzle keeps timestamps as text)", async () => {
    const seen: Array<[string, number]> = [];
    const parsers = { 1184: (text: string, type: number) => (seen.push([text, type]), `parsed:${text}`) };
    const { rows } = await db.query("select '2026-01-02 03:04:05+00'::timestamptz as at", [], { rowMode: 'object', parsers });
    expect(rows).toEqual([{ at: `parsed:${seen[0]?.[0]}` }]);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.[0]).toMatch(/^2026-01-02 03:04:05/);
  });

  it("keeps Postgres' error fields (code, constraint) on the error, as node-postgres does", async () => {
    await db.query('insert into things (id) values (10)');
    const err = (await db.query('insert into things (id) values (10)').catch((e: unknown) => e)) as Error & { code?: string; constraint?: string };
    expect(err).toBeInstanceOf(Error);
    expect(err.code).toBe('23505');
    expect(err.constraint).toBe('things_pkey');
    expect(err.message).toMatch(/duplicate key/);
  });

  it('commits a transaction that ends well, and rolls back one that throws: nothing of it stays', async () => {
    await db.transaction(async (tx) => void (await tx.query('insert into things (id) values (20)')));
    const boom = new Error('boom');
    await expect(
      db.transaction(async (tx) => {
        await tx.query('insert into things (id) values (21)');
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect((await db.query('select id from things where id in (20, 21) order by id')).rows).toEqual([{ id: 20 }]);
  });

  it('a statement from outside waits for an open transaction to end, as on one connection', async () => {
    const order: string[] = [];
    let wrote!: () => void;
    const txWrote = new Promise<void>((resolve) => (wrote = resolve));
    let sent!: () => void;
    const outsideSent = new Promise<void>((resolve) => (sent = resolve));
    const tx = db.transaction(async (t) => {
      await t.query('insert into things (id) values (30)');
      order.push('tx wrote');
      wrote();
      await outsideSent;
      // Sent after the outside statement: the thread answers in order, so were that statement
      // not held back, its answer would come before this one's.
      await t.query('select 1');
      order.push('tx ends');
    });
    // Sent while the transaction is open: answered only after it committed, and it sees its row.
    await txWrote;
    const outside = db.query('select count(*)::int as n from things where id = 30').then((r) => (order.push('outside answered'), r.rows));
    sent();
    await tx;
    expect(await outside).toEqual([{ n: 1 }]);
    expect(order).toEqual(['tx wrote', 'tx ends', 'outside answered']);
  });

  it("leaves this thread's event loop free while a long statement runs", async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    try {
      const started = Date.now();
      await db.query('select count(*) from generate_series(1, 3000000)');
      const ran = Date.now() - started;
      // In this thread the statement would have held every timer until it ended (0 ticks).
      expect(ran).toBeGreaterThan(50);
      expect(ticks).toBeGreaterThan(3);
    } finally {
      clearInterval(timer);
    }
  });

  it('once closed, says so to every later call instead of hanging', async () => {
    const other = await startPgliteThread({ dataDir: 'memory://', template: process.env.PGLITE_TEMPLATE });
    await other.close();
    await expect(other.query('select 1')).rejects.toThrow(/PGlite's thread stopped/);
  });
});
