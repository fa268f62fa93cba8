import { and, count, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { describe, expect, it, onTestFailed } from 'vitest';
import { cardImportRows, cardImports, registrations } from '@/lib/db/schema';
import type { PaymentCard } from '@/lib/domain/cards';
import { attemptDeps } from '@/lib/registrations/registrar';
import { startRegistrationWorker } from '@/lib/registrations/worker';
import { appContext } from '@/lib/server/context';
import { existingQuickpaySubscription, existingStripeCard, importFile } from '@/test/support/import-fixtures';
import { fenerumCardsOf, freshAccount } from '@/test/support/sandbox-control';
import { dryRunImport, importFailedRows, importProgress, startImport } from './run';

/** The item at `i`, or a failed test. */
function at<T>(list: readonly T[], i: number): T {
  const x = list[i];
  if (x === undefined) throw new Error(`no item ${i}`);
  return x;
}

// Its imports are counted by this actor: on Postgres other files make imports in the same table at the same time.
const by = { actor: 'operator@example.test', ip: null };

async function checkDeps() {
  const ctx = await appContext();
  return { db: ctx.db, fenerum: ctx.fenerum, stripe: ctx.stripe, quickpay: ctx.quickpay, quickpayTestMode: ctx.quickpayTestMode };
}

/** Runs `n` at a time. */
async function inBatches<T>(n: number, count: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < count; i += n) out.push(...(await Promise.all(Array.from({ length: Math.min(n, count - i) }, (_, j) => make(i + j)))));
  return out;
}

describe('card import (issue 27)', () => {
  it('500 rows with 20 bad: the dry run names the 20, the run registers the 480 once, a crash mid-import resumes without a duplicate, the same file again adds nothing', async () => {
    const deps = await checkDeps();
    const { db, fenerum } = await appContext();
    const accounts = await inBatches(10, 40, () => freshAccount());
    const stripeCards = await inBatches(20, 244, () => existingStripeCard());
    const quickpayCards = await inBatches(20, 244, () => existingQuickpaySubscription());
    const unsaved = await inBatches(4, 4, () => existingQuickpaySubscription(false));
    const good: Array<[string, string, string]> = [
      ...stripeCards.slice(0, 240).map((pm, i): [string, string, string] => [at(accounts, i % 40), 'stripe_new', pm]),
      ...quickpayCards.slice(0, 240).map((id, i): [string, string, string] => [at(accounts, (i + 7) % 40), 'quickpay', id]),
    ];
    const bad: Array<[string, string, string]> = [
      ...stripeCards.slice(240).map((pm, i): [string, string, string] => [at(accounts, i), 'stripe', pm]), // the legacy gateway: not importable
      ...quickpayCards.slice(240).map((id, i): [string, string, string] => [`NOSUCH-${crypto.randomUUID().slice(0, 8)}-${i}`, 'quickpay', id]),
      ...[1, 2, 3, 4].map((i): [string, string, string] => [at(accounts, i), 'stripe_new', `pm_doesnotexist${i}x${Date.now()}`]),
      ...unsaved.map((id, i): [string, string, string] => [at(accounts, i), 'quickpay', id]),
      ...[0, 100, 250, 400].map((i): [string, string, string] => [...at(good, i)]),
    ];
    // The bad rows spread through the file; the good ones keep their order.
    const rows = [...good];
    bad.forEach((row, i) => rows.splice(i * 25 + 10, 0, row));
    expect(rows).toHaveLength(500);
    const file = importFile(rows);
    const lineOf = (row: readonly string[], nth = 0) => rows.map((r, i) => (r === row ? i + 2 : -1)).filter((l) => l > 0)[nth];

    const importsBefore = (await db.select({ n: count() }).from(cardImports).where(eq(cardImports.createdBy, by.actor)))[0]?.n;
    const dry = await dryRunImport(deps, file);
    if (dry.kind !== 'dry-run') throw new Error(`refused: ${dry.reason}`);
    expect(dry.ok).toBe(480);
    const named = dry.rows.filter((r) => !r.ok).map((r) => (r.ok ? null : [r.line, r.reason]));
    expect(named).toHaveLength(20);
    const reasons = named.map((n) => n?.[1]);
    for (const reason of ['gateway', 'unknown-account', 'pm-missing', 'qp-not-saved', 'duplicate']) expect(reasons.filter((r) => r === reason)).toHaveLength(4);
    expect(named).toContainEqual([lineOf(at(bad, 16)), 'duplicate']);
    // A dry run writes nothing.
    expect((await db.select({ n: count() }).from(cardImports).where(eq(cardImports.createdBy, by.actor)))[0]?.n).toBe(importsBefore);
    expect(
      await db
        .select({ n: count() })
        .from(registrations)
        .where(eq(registrations.providerRef, at(stripeCards, 0))),
    ).toEqual([{ n: 0 }]);

    const started = await startImport(deps, file, by);
    if (started.kind !== 'started') throw new Error(`refused: ${started.reason}`);
    // Failing midway, it leaves none of its cards queued: another file's registration worker on
    // this database would work through them first (in CI one did, and timed out behind them).
    const ours = db.select({ id: cardImportRows.registrationId }).from(cardImportRows).where(eq(cardImportRows.importId, started.importId));
    onTestFailed(async () => {
      await db.delete(registrations).where(and(eq(registrations.status, 'queued'), inArray(registrations.id, ours)));
    });
    expect({ queued: started.queued, known: started.known, rejected: started.rejected.length }).toEqual({ queued: 480, known: 0, rejected: 20 });

    // A process that dies mid-import: after 100 cards, its next attempts reach Fenerum and never come back.
    const ourTokens = new Set(good.map(([, , token]) => token));
    let made = 0;
    let dead = false;
    /** The dead process's calls that Fenerum has carried out (their answers never arrive). */
    let landed = 0;
    const dying = {
      createPaymentCard: async (...args: Parameters<typeof fenerum.createPaymentCard>): Promise<PaymentCard> => {
        if (dead) {
          await fenerum.createPaymentCard(...args);
          landed++;
          return new Promise<PaymentCard>(() => {}); // the answer never arrives: the process is gone
        }
        const card = await fenerum.createPaymentCard(...args);
        // Only this import's cards count: the worker also takes other files' queued registrations on this database.
        if (ourTokens.has(args[0].token) && ++made >= 100) dead = true;
        return card;
      },
      listPaymentCards: (account: { code: string; uuid: string }) => fenerum.listPaymentCards(account),
    };
    const first = startRegistrationWorker({ deps: attemptDeps({ db, fenerum: dying }), idleMs: 20, concurrency: 4 });
    await expect.poll(() => dead, { timeout: 60_000 }).toBe(true);
    void first.stop(); // never finishes: its attempts hang as a killed process's would
    // The 100 cards Fenerum answered are recorded: in CI beside the e2e tests, 30 s once ended at 98 and once at 99.
    await expect.poll(async () => (await importProgress(db, started.importId))?.done, { timeout: 120_000, interval: 200 }).toBeGreaterThanOrEqual(100);
    expect((await importProgress(db, started.importId))?.left).toBeGreaterThan(0);
    // A lease runs out a minute after its claim, long after the call under it has reached Fenerum
    // (15 s at most): so each card the dead process still holds is made at Fenerum before its lease
    // is expired here. Expired at once, a call still on its way made a 13th card on an account of
    // 12 after the next attempt had looked and found none to adopt (CI, once).
    const leased = async () =>
      (
        await db
          .select({ n: count() })
          .from(registrations)
          .where(and(eq(registrations.status, 'queued'), isNotNull(registrations.leaseUntil), inArray(registrations.id, ours)))
      )[0]?.n;
    await expect.poll(async () => (await leased()) === landed, { timeout: 30_000, interval: 100 }).toBe(true);
    // The dead process's leases run out; the restarted app's worker picks the rest up.
    await db.execute(
      sql`update registrations set lease_until = now() - interval '1 second'
          where status = 'queued' and lease_until is not null
            and id in (select registration_id from card_import_rows where import_id = ${started.importId})`,
    );
    const second = startRegistrationWorker({ deps: attemptDeps({ db, fenerum }), idleMs: 20, concurrency: 4 });
    try {
      await expect.poll(async () => (await importProgress(db, started.importId))?.left, { timeout: 120_000, interval: 500 }).toBe(0);
    } finally {
      await second.stop();
    }
    const done = await importProgress(db, started.importId);
    expect(done).toMatchObject({ rows: 500, done: 480, left: 0, failed: 20, secondsLeft: null });
    // Exactly once: each account's Fenerum cards are its imported rows, each held by one registration.
    const perAccount = new Map<string, number>();
    for (const [account] of good) perAccount.set(account, (perAccount.get(account) ?? 0) + 1);
    for (const [account, n] of perAccount) expect(await fenerumCardsOf(account)).toHaveLength(n);

    // The same file again: nothing new queued, nothing sent to Fenerum.
    const again = await startImport(deps, file, by);
    if (again.kind !== 'started') throw new Error(`refused: ${again.reason}`);
    expect({ queued: again.queued, known: again.known, rejected: again.rejected.length }).toEqual({ queued: 0, known: 480, rejected: 20 });
    for (const [account, n] of perAccount) expect(await fenerumCardsOf(account)).toHaveLength(n);

    const failed = await importFailedRows(db, started.importId, by);
    expect(failed?.map((f) => f.line)).toEqual(named.map((n) => n?.[0]));
  }, 300_000);

  it('refuses a malformed file, naming its first bad line, and writes nothing', async () => {
    const deps = await checkDeps();
    const { db } = await appContext();
    const before = (await db.select({ n: count() }).from(cardImports).where(eq(cardImports.createdBy, by.actor)))[0]?.n;
    const text = 'account,gateway,token\r\nA1,quickpay,5\r\nA2,quickpay\r\nA3,quickpay,"=1+1"\r\n';
    const r = await startImport(deps, { name: 'x.csv', bytes: new TextEncoder().encode(text) }, by);
    expect(r).toMatchObject({ kind: 'refused', reason: 'invalid-input', key: 'importColumns', params: { line: '3', found: '2' } });
    const formula = await startImport(deps, { name: 'x.csv', bytes: new TextEncoder().encode('\uFEFFaccount,gateway,token\r\nA1,quickpay,"@SUM(1)"\r\n') }, by);
    expect(formula).toMatchObject({ kind: 'refused', key: 'importFormula', params: { line: '2' } });
    const garbage = await startImport(deps, { name: 'x.bin', bytes: new Uint8Array(10_000_000).fill(0xfe) }, by);
    expect(garbage).toMatchObject({ kind: 'refused', reason: 'too-large', key: 'importTooLarge' });
    expect((await db.select({ n: count() }).from(cardImports).where(eq(cardImports.createdBy, by.actor)))[0]?.n).toBe(before);
  });
});
