import { describe, expect, it } from 'vitest';
import { attemptDeps } from '@/lib/registrations/registrar';
import { appContext } from '@/lib/server/context';
import { openDatabase } from '@/lib/db/connect';
import { cardOf } from '@/lib/cards/quickpay/subscription-card';
import { quickpaySubscription } from '@/lib/quickpay/wire';
import { registration, startQuickpay } from '@/test/support/quickpay-fixtures';
import { authorizeQuickpay, fenerumCardsOf, freshAccount } from '@/test/support/sandbox-control';
import { eq, sql } from 'drizzle-orm';
import { registrations } from '@/lib/db/schema';
import { claimRegistrations, queueRegistration } from './store';
import { startRegistrationWorker } from './worker';

async function queuedRegistrations(n: number, account: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const { registration: reg } = await startQuickpay(account);
    const sub = quickpaySubscription.parse(JSON.parse(await authorizeQuickpay(reg.providerRef)));
    await queueRegistration((await appContext()).db, reg.id, reg.providerRef, cardOf(sub));
    ids.push(reg.id);
  }
  return ids;
}

describe('registration worker', () => {
  it('two instances draining one queue register each card exactly once', { timeout: 120_000 }, async () => {
    const account = await freshAccount();
    const ids = await queuedRegistrations(30, account);
    // A second instance: its own connection pool on the same database (on PGlite, the same
    // embedded database, since PGlite belongs to one process).
    const other = process.env.DATABASE_URL ? await openDatabase({ url: process.env.DATABASE_URL, pgliteDir: 'memory://' }) : undefined;
    const a = startRegistrationWorker({
      deps: attemptDeps({ db: (await appContext()).db, fenerum: (await appContext()).fenerum }),
      idleMs: 20,
      concurrency: 3,
    });
    const b = startRegistrationWorker({
      deps: attemptDeps({ db: other?.db ?? (await appContext()).db, fenerum: (await appContext()).fenerum }),
      idleMs: 20,
      concurrency: 3,
    });
    try {
      // 6 s on a quiet machine; in `npm test` the integration tests run niced beside the e2e tests
      // (scripts/test.ts), so the wait is generous. What is left says why.
      const notYet = async () =>
        (await Promise.all(ids.map(registration))).filter((r) => r.status !== 'registered').map((r) => `${r.status} after ${r.attempts} attempts`);
      await expect.poll(notYet, { timeout: 45_000 }).toEqual([]);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      await other?.close();
    }
    const rows = await Promise.all(ids.map(registration));
    const cards = await fenerumCardsOf(account);
    expect(cards).toHaveLength(ids.length);
    for (const row of rows) {
      expect(cards.filter((c) => c.uuid === row.fenerumCardUuid)).toHaveLength(1);
      expect(row.attempts).toBe(1);
    }
    expect(new Set(rows.map((r) => r.fenerumCardUuid)).size).toBe(ids.length);
  });

  it('after a process died mid-attempt (its lease ran out), the card Fenerum already made is adopted, not made again', async () => {
    const account = await freshAccount();
    const [id] = await queuedRegistrations(1, account);
    const db = (await appContext()).db;
    // The dead process: it took the lease and reached Fenerum, then nothing more.
    const [claimed] = await claimRegistrations(db, { limit: 1, id });
    if (!claimed?.token) throw new Error('not claimed');
    const made = await (await appContext()).fenerum.createPaymentCard({ accountUuid: claimed.accountUuid, gateway: 'quickpay', token: claimed.token });
    await db
      .update(registrations)
      .set({ leaseUntil: sql`now() - interval '1 second'` })
      .where(eq(registrations.id, claimed.id));

    const worker = startRegistrationWorker({ deps: attemptDeps({ db, fenerum: (await appContext()).fenerum }), idleMs: 20 });
    try {
      await expect.poll(async () => (await registration(claimed.id)).status, { timeout: 10_000 }).toBe('registered');
    } finally {
      await worker.stop();
    }
    expect((await registration(claimed.id)).fenerumCardUuid).toBe(made.uuid);
    expect(await fenerumCardsOf(account)).toHaveLength(1);
  });
});
