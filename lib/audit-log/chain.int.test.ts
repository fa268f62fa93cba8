import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { audit } from '@/lib/audit';
import type { Db } from '@/lib/db/connect';
import { rowsOf } from '@/lib/db/rows';
import { auditLog } from '@/lib/db/schema';
import { appContext } from '@/lib/server/context';
import { GENESIS_HASH, verifyAuditChain } from './chain';
import { withOwnDatabase, withScratchDatabase, type ScratchEnv } from '@/test/support/scratch-database';

const exec = promisify(execFile);
const marker = () => `chain-test-${crypto.randomUUID()}`;

async function rowsFor(db: Db, subject: string) {
  return db.select().from(auditLog).where(eq(auditLog.subject, subject)).orderBy(auditLog.seq);
}

/** Changes a row behind the append-only trigger's back, as a database owner could. */
async function tamper(db: Pick<Db, 'execute'>, id: number, change: ReturnType<typeof sql>) {
  await db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
  await db.execute(sql`update audit_log set ${change} where id = ${id}`);
  await db.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
}

/** The database's own message for a statement that fails (drizzle wraps it as the cause). */
async function failureOf(statement: Promise<unknown>): Promise<string> {
  try {
    await statement;
  } catch (err) {
    const cause = (err as { cause?: { message?: string } }).cause;
    return cause?.message ?? String(err);
  }
  return 'it succeeded';
}

async function runVerify(env: ScratchEnv, args: string[] = []) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  try {
    // node with tsx's loader, as `npm run audit:verify` would, without npx finding tsx each time.
    const { stdout } = await exec(process.execPath, ['--import', 'tsx', 'scripts/audit-verify.ts', ...args], { env: childEnv });
    return { code: 0, stdout };
  } catch (err) {
    const e = err as { code?: number; stdout?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '' };
  }
}

describe('the audit log is append-only', () => {
  it.each([
    ['UPDATE', (id: number) => sql`update audit_log set actor = 'mallory' where id = ${id}`],
    ['DELETE', (id: number) => sql`delete from audit_log where id = ${id}`],
  ])('%s of a row is refused and the row stays as written', async (_op, statement) => {
    const { db } = await appContext();
    const subject = marker();
    await audit(db, { actor: 'staff:a@example.com', action: 'card.disabled', subject });
    const [row] = need(await rowsFor(db, subject), 1);
    expect(await failureOf(db.execute(statement(row.id)))).toMatch(/append-only: \w+ is not allowed/);
    expect(await rowsFor(db, subject)).toEqual([row]);
  });

  it('TRUNCATE is refused', async () => {
    const { db } = await appContext();
    await audit(db, { actor: 'system', action: 'retention.deleted', subject: marker() });
    expect(await failureOf(db.execute(sql`truncate audit_log`))).toMatch(/append-only: TRUNCATE is not allowed/);
  });
});

describe('the hash chain', () => {
  it('each row links to the previous one and hashes its own content; given hashes are replaced', async () => {
    const { db } = await appContext();
    const subject = marker();
    await audit(db, { actor: 'staff:a@example.com', action: 'link.issued', accountCode: 'CUST001', subject, details: { b: 1, a: 'x' }, ip: '203.0.113.9' });
    await db.insert(auditLog).values({ actor: 'system', action: 'forged', subject, seq: 1, prevHash: GENESIS_HASH, hash: 'f'.repeat(64) });
    const [first, second] = need(await rowsFor(db, subject), 2);
    expect(second.seq).toBeGreaterThan(first.seq);
    expect(second.hash).not.toBe('f'.repeat(64));
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    const between = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from audit_log where seq > ${first.seq} and seq < ${second.seq}`));
    if (between[0]?.n === 0) expect(second.prevHash).toBe(first.hash);
    expect((await verifyAuditChain(db)).firstBreak).toBeNull();
  });

  it('a row changed behind the trigger is the first break verify reports (content, then link; a deleted row: missing)', async () => {
    // A chain of its own: verify walks a handful of rows, not every row the run has written.
    await withOwnDatabase(process.env.DATABASE_URL, async ({ db }) => {
      const subject = marker();
      await audit(db, { actor: 'staff:a@example.com', action: 'card.disabled', subject, details: { reason: 'lost' } });
      await audit(db, { actor: 'staff:a@example.com', action: 'card.disabled', subject });
      const [row, next] = need(await rowsFor(db, subject), 2);
      expect((await verifyAuditChain(db)).firstBreak).toBeNull();
      await tamper(db, row.id, sql`details = '{"reason":"stolen"}'::jsonb`);
      const content = await verifyAuditChain(db, { batchSize: 1 });
      expect(content.firstBreak).toMatchObject({ id: row.id, seq: row.seq, kind: 'content' });
      // Recomputing that row's own hash moves the break to the next row's link.
      await tamper(db, row.id, sql`hash = audit_log_hash(prev_hash, audit_log_canonical(seq, at, actor, action, account_code, subject, details, ip))`);
      const link = await verifyAuditChain(db);
      expect(link.firstBreak).toMatchObject({ id: next.id, kind: 'link', expected: expect.not.stringMatching(row.hash) as string });
      // Deleting the row instead leaves a gap in seq where it was.
      await db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
      await db.execute(sql`delete from audit_log where id = ${row.id}`);
      const missing = await verifyAuditChain(db);
      expect(missing.firstBreak).toMatchObject({ id: next.id, kind: 'missing', expected: `seq ${row.seq}` });
    });
  });

  it('npm run audit:verify prints "chain intact", then the first broken row and exits 1', { timeout: 240_000 }, async () => {
    await withScratchDatabase(process.env.DATABASE_URL, async (database, env) => {
      for (let i = 0; i < 5; i++) await audit(database.db, { actor: 'system', action: 'retention.deleted', subject: `row-${i}` });
      await database.close();
      const intact = await runVerify(env);
      expect(intact).toEqual({ code: 0, stdout: expect.stringMatching(/^5 rows checked: chain intact/) as string });

      await withReopened(env, async (db) => {
        const [victim] = need(await db.select().from(auditLog).where(eq(auditLog.subject, 'row-3')), 1);
        await tamper(db, victim.id, sql`actor = 'someone else'`);
      });
      const broken = await runVerify(env);
      expect(broken.code).toBe(1);
      expect(broken.stdout).toMatch(/^3 rows checked: chain BROKEN at row id \d+ \(seq 4, .*content no longer matches its hash/);

      // Pruned from the start on purpose: --from-first-kept trusts the first remaining row's link.
      await withReopened(env, async (db) => {
        await db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
        await db.execute(sql`delete from audit_log where subject in ('row-0', 'row-1', 'row-2', 'row-3')`);
      });
      const pruned = await runVerify(env, ['--from-first-kept']);
      expect(pruned).toEqual({
        code: 0,
        stdout: expect.stringMatching(/^1 rows checked: chain intact \(from seq 5, whose prev_hash [0-9a-f]{64} was taken as given\)/) as string,
      });
    });
  });
});

async function withReopened(env: ScratchEnv, fn: (db: Db) => Promise<void>) {
  const { openDatabase } = await import('@/lib/db/connect');
  const database = await openDatabase({ url: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR ?? '' });
  try {
    await fn(database.db);
  } finally {
    await database.close();
  }
}

/** The first `n` rows, failing the test when there are fewer. */
function need<T>(rows: T[], n: 1): [T];
function need<T>(rows: T[], n: 2): [T, T];
function need<T>(rows: T[], n: number): T[] {
  if (rows.length < n) throw new Error(`expected ${n} rows, found ${rows.length}`);
  return rows.slice(0, n);
}
