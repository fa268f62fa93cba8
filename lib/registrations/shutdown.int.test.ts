import { describe, expect, it } from 'vitest';
import { cardOf } from '@/lib/cards/quickpay/subscription-card';
import type { PaymentCard } from '@/lib/domain/cards';
import { quickpaySubscription } from '@/lib/quickpay/wire';
import { appContext } from '@/lib/server/context';
import { registration, settled, startQuickpay } from '@/test/support/quickpay-fixtures';
import { authorizeQuickpay, fenerumCardsOf, freshAccount } from '@/test/support/sandbox-control';
import { attemptRegistration } from './attempt';
import { attemptDeps, createRegistrar } from './registrar';
import { claimRegistrations, queueRegistration } from './store';

async function queued(account: string): Promise<string> {
  const { registration: reg } = await startQuickpay(account);
  const sub = quickpaySubscription.parse(JSON.parse(await authorizeQuickpay(reg.providerRef)));
  await queueRegistration((await appContext()).db, reg.id, reg.providerRef, cardOf(sub));
  return reg.id;
}

describe('a registrar shutting down', () => {
  it('gives back the lease of an attempt that outlived the grace: due at once, uncertain, taken by another instance now, and the card Fenerum made is adopted, not made twice', async () => {
    const ctx = await appContext();
    const account = await freshAccount();
    const id = await queued(account);
    // Fenerum makes the card, but the answer is still on its way when the grace runs out.
    let made: PaymentCard | undefined;
    const slow = {
      ...ctx.fenerum,
      createPaymentCard: async (input: Parameters<typeof ctx.fenerum.createPaymentCard>[0]) => {
        made = await ctx.fenerum.createPaymentCard(input);
        return new Promise<PaymentCard>(() => undefined);
      },
    };
    const dying = createRegistrar({ db: ctx.db, fenerum: slow, schedule: (_n, task) => void task() });
    dying.inBackground(id);
    await expect.poll(() => made !== undefined, { timeout: 10_000 }).toBe(true);
    expect((await registration(id)).leaseUntil).not.toBeNull();

    await dying.stopTaking();
    expect(await dying.releaseHeld()).toBe(1);
    const released = await registration(id);
    expect(released).toMatchObject({ status: 'queued', leaseUntil: null, uncertain: true });
    expect(released.nextAttemptAt?.getTime()).toBeLessThanOrEqual(Date.now() + 1_000);

    // Another instance's worker takes it at once (not after the lease's minute) and finds the card.
    const [claimed] = await claimRegistrations(ctx.db, { limit: 1, id });
    expect(claimed?.id).toBe(id);
    if (claimed) await attemptRegistration(attemptDeps({ db: ctx.db, fenerum: ctx.fenerum }), claimed);
    const done = await settled(id);
    expect(done.status).toBe('registered');
    expect(done.fenerumCardUuid).toBe(made?.uuid);
    expect(await fenerumCardsOf(account)).toHaveLength(1);
  });

  it('once stopping, takes nothing more after responses: the registration stays queued and due for another instance', async () => {
    const ctx = await appContext();
    const id = await queued(await freshAccount());
    const tried: string[] = [];
    const registrar = createRegistrar({
      db: ctx.db,
      fenerum: { ...ctx.fenerum, createPaymentCard: async (input) => (tried.push(input.token), ctx.fenerum.createPaymentCard(input)) },
      schedule: (_n, task) => void task(),
    });
    await registrar.stopTaking();
    registrar.inBackground(id);
    await new Promise((r) => setTimeout(r, 300));
    expect(tried).toEqual([]);
    expect(await registrar.releaseHeld()).toBe(0);
    expect(await registration(id)).toMatchObject({ status: 'queued', leaseUntil: null });
  });
});
