import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { registrations } from '@/lib/db/schema';
import { appContext } from '@/lib/server/context';
import { registration, settled, startQuickpay } from '@/test/support/quickpay-fixtures';
import { authorizeQuickpay, freshAccount, registeredTokens } from '@/test/support/sandbox-control';
import { confirmWith, setupIntentFor } from '@/test/support/stripe-fixtures';
import { sweepUnheardSetups, type SweepDeps } from './sweep';

const SWEEP = { afterMs: 120_000, withinMs: 3_600_000 };

/** Makes a registration look as if it was started `seconds` ago. */
async function startedSecondsAgo(id: string, seconds: number) {
  const { db } = await appContext();
  await db
    .update(registrations)
    .set({ createdAt: sql`now() - ${`${seconds} seconds`}::interval` })
    .where(eq(registrations.id, id));
}

async function deps(queued: string[] = []): Promise<SweepDeps> {
  const { db, stripe, quickpay, quickpayTestMode } = await appContext();
  return { db, stripe, quickpay, quickpayTestMode, onQueued: (id) => queued.push(id) };
}

async function accountUuid(code: string) {
  return (await (await appContext()).fenerum.getAccount(code)).uuid;
}

describe('the card sweep: cards saved at the provider that we never heard of', () => {
  it('a QuickPay window authorized a few minutes ago whose callback never came is queued once and registered once; younger, older and unpaid windows are left alone', async () => {
    const account = await freshAccount();
    // The integration suite's sandbox calls back to a port nobody listens on: the callback never comes.
    const paid = await startQuickpay(account);
    await authorizeQuickpay(paid.registration.providerRef);
    await startedSecondsAgo(paid.registrationId, 180);
    const young = await startQuickpay(account);
    await authorizeQuickpay(young.registration.providerRef);
    await startedSecondsAgo(young.registrationId, 30);
    const old = await startQuickpay(account);
    await authorizeQuickpay(old.registration.providerRef);
    await startedSecondsAgo(old.registrationId, 2 * 3600);
    const unpaid = await startQuickpay(account);
    await startedSecondsAgo(unpaid.registrationId, 180);

    const queued: string[] = [];
    const first = await sweepUnheardSetups(await deps(queued), { ...SWEEP, limit: 1000 });
    // Of this test's four windows, only the paid one (other tests' unheard windows in the shared database may be queued too).
    const mine = [paid, young, old, unpaid].map((w) => w.registrationId);
    expect(queued.filter((id) => mine.includes(id))).toEqual([paid.registrationId]);
    expect(first.queued).toBeGreaterThanOrEqual(1);
    const row = await registration(paid.registrationId);
    expect(row).toMatchObject({ status: 'queued', token: paid.registration.providerRef, cardLast4: '0006' });
    expect((await registration(young.registrationId)).status).toBe('started');
    expect((await registration(old.registrationId)).status).toBe('started');
    expect((await registration(unpaid.registrationId)).status).toBe('started');

    // Asked again (the next run, another instance): nothing is queued twice.
    const again: string[] = [];
    await sweepUnheardSetups(await deps(again), SWEEP);
    expect(again).not.toContain(paid.registrationId);

    // Registered through the same path as a callback's card: once at Fenerum.
    await (await appContext()).registrar.tryNow(paid.registrationId, 5_000);
    expect((await settled(paid.registrationId)).status).toBe('registered');
    expect(await registeredTokens(await accountUuid(account))).toEqual([paid.registration.providerRef]);
  });

  it('a Stripe SetupIntent that succeeded without a webhook reaching us is queued; one the customer never confirmed is left started', async () => {
    const account = await freshAccount();
    const confirmed = await setupIntentFor(account);
    await confirmWith(confirmed.setupIntentId);
    const open = await setupIntentFor(account);
    const { db } = await appContext();
    const idOf = async (ref: string) => (await db.select().from(registrations).where(eq(registrations.providerRef, ref)))[0]?.id ?? '';
    const confirmedId = await idOf(confirmed.setupIntentId);
    const openId = await idOf(open.setupIntentId);
    await startedSecondsAgo(confirmedId, 300);
    await startedSecondsAgo(openId, 300);

    const queued: string[] = [];
    await sweepUnheardSetups(await deps(queued), SWEEP);
    expect(queued).toContain(confirmedId);
    expect(queued).not.toContain(openId);
    expect((await registration(confirmedId)).status).toBe('queued');
    expect((await registration(openId)).status).toBe('started');
  });

  it('a provider that does not answer is asked again at the next run, nothing changed', async () => {
    const account = await freshAccount();
    const paid = await startQuickpay(account);
    await authorizeQuickpay(paid.registration.providerRef);
    await startedSecondsAgo(paid.registrationId, 180);
    const down: SweepDeps = {
      ...(await deps()),
      quickpay: {
        getSubscription: () => Promise.reject(new Error('QuickPay is down')),
      },
    };
    const report = await sweepUnheardSetups(down, { ...SWEEP, limit: 1000 });
    expect(report.retryLater).toBeGreaterThanOrEqual(1);
    expect((await registration(paid.registrationId)).status).toBe('started');
    const queued: string[] = [];
    await sweepUnheardSetups(await deps(queued), { ...SWEEP, limit: 1000 });
    expect(queued).toContain(paid.registrationId);
  });
});
