import { describe, expect, it } from 'vitest';
import { cardOf } from '@/lib/cards/quickpay/subscription-card';
import { quickpaySubscription } from '@/lib/quickpay/wire';
import { appContext } from '@/lib/server/context';
import { registration, startQuickpay } from '@/test/support/quickpay-fixtures';
import { authorizeQuickpay, freshAccount } from '@/test/support/sandbox-control';
import { attemptRegistration } from './attempt';
import { attemptDeps } from './registrar';
import { claimRegistrations, queueRegistration } from './store';

async function queued(account: string): Promise<string> {
  const { registration: reg } = await startQuickpay(account);
  const sub = quickpaySubscription.parse(JSON.parse(await authorizeQuickpay(reg.providerRef)));
  await queueRegistration((await appContext()).db, reg.id, reg.providerRef, cardOf(sub));
  return reg.id;
}

describe('one Fenerum card, one registration', () => {
  it('an attempt that ends with a card another registration already holds does not share it: it looks again', async () => {
    const account = await freshAccount();
    const [first, second] = [await queued(account), await queued(account)];
    const ctx = await appContext();
    const held = await ctx.registrar.tryNow(first, 3_000);
    expect(held.status).toBe('registered');
    const heldCard = held.registration.fenerumCardUuid ?? '';

    // The second registration's attempt comes back with that same card (as when two uncertain
    // attempts adopt one lookalike, or one adopts a card another's create just made).
    const [claimed] = await claimRegistrations(ctx.db, { limit: 1, id: second });
    if (!claimed) throw new Error('not claimed');
    const sameCard = await ctx.fenerum.getPaymentCard(heldCard);
    const deps = attemptDeps({ db: ctx.db, fenerum: { ...ctx.fenerum, createPaymentCard: async () => sameCard } });
    expect(await attemptRegistration(deps, claimed)).toMatchObject({ status: 'retrying' });
    expect(await registration(second)).toMatchObject({ status: 'queued', uncertain: true, fenerumCardUuid: null, leaseUntil: null });
    expect((await registration(first)).fenerumCardUuid).toBe(heldCard);

    // The next attempt finds no card free to adopt, so it makes its own.
    const done = await ctx.registrar.tryNow(second, 5_000);
    expect(done.status).toBe('registered');
    expect(done.registration.fenerumCardUuid).not.toBe(heldCard);
  });
});
