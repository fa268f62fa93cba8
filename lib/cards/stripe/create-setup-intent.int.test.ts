import { eq, sql } from 'drizzle-orm';
import { attemptDeps } from '@/lib/registrations/registrar';
import { appContext } from '@/lib/server/context';
import { describe, expect, it } from 'vitest';
import { registrations, stripeCustomers } from '@/lib/db/schema';
import { findRegistration } from '@/lib/registrations/store';
import { startRegistrationWorker } from '@/lib/registrations/worker';
import { waitForStatus } from '@/test/support/quickpay-fixtures';
import { fenerumCardsOf, fenerumSettings, freshAccount } from '@/test/support/sandbox-control';
import { confirmWith, registerSetupIntentNow, setupIntentFor } from '@/test/support/stripe-fixtures';

describe('createSetupIntentFor', () => {
  it('makes an off-session SetupIntent for the account’s one Stripe customer, with the account in its metadata', async () => {
    const first = await setupIntentFor('CUST002');
    const second = await setupIntentFor('CUST002');
    const [a, b] = await Promise.all([
      (await appContext()).stripe.setupIntents.retrieve(first.setupIntentId),
      (await appContext()).stripe.setupIntents.retrieve(second.setupIntentId),
    ]);
    expect(a).toMatchObject({ usage: 'off_session', status: 'requires_payment_method', metadata: { fenerum_account: 'CUST002' } });
    expect(a.allowed_payment_method_types).toEqual(['card']);
    expect(a.customer).toBeTruthy();
    expect(b.customer).toBe(a.customer);
    expect(first.clientSecret).toMatch(/^seti_.+_secret_/);
    expect((await findRegistration((await appContext()).db, 'stripe_new', first.setupIntentId))?.status).toBe('started');
  });

  it('offers SEPA Direct Debit too when the account is offered it (lib/cards/sepa.int.test.ts has the rule)', async () => {
    const { setupIntentId } = await setupIntentFor('CUST002', async () => true);
    expect((await (await appContext()).stripe.setupIntents.retrieve(setupIntentId)).allowed_payment_method_types).toEqual(['card', 'sepa_debit']);
  });
});

describe('registering while Fenerum is down', () => {
  it('the customer hears it is being finished; it is registered exactly once after Fenerum recovers', async () => {
    const account = await freshAccount();
    const { setupIntentId } = await setupIntentFor(account);
    await confirmWith(setupIntentId);
    await fenerumSettings({ failNext: { status: 503, count: 1000 } });
    try {
      expect(await registerSetupIntentNow(setupIntentId, account)).toMatchObject({ kind: 'pending', card: { last4: '4242' } });
    } finally {
      await fenerumSettings({ failNext: null });
    }
    const db = (await appContext()).db;
    const reg = await findRegistration(db, 'stripe_new', setupIntentId);
    await db
      .update(registrations)
      .set({ nextAttemptAt: sql`now()` })
      .where(eq(registrations.id, reg?.id ?? ''));
    const worker = startRegistrationWorker({ deps: attemptDeps({ db, fenerum: (await appContext()).fenerum }), idleMs: 20 });
    try {
      await waitForStatus(reg?.id ?? '', 'registered');
    } finally {
      await worker.stop();
    }
    expect(await fenerumCardsOf(account)).toHaveLength(1);
  });
});

describe('an account whose stored Stripe customer Stripe no longer knows', () => {
  it('gets a new customer (deleted in the dashboard, or another Stripe account), and its SetupIntent is made for it', async () => {
    const account = await freshAccount();
    const { db, stripe } = await appContext();
    await db.insert(stripeCustomers).values({ accountCode: account, customerId: 'cus_deletedlongago' });
    const { setupIntentId } = await setupIntentFor(account);
    const intent = await stripe.setupIntents.retrieve(setupIntentId);
    const [row] = await db.select().from(stripeCustomers).where(eq(stripeCustomers.accountCode, account));
    expect(row?.customerId).toMatch(/^cus_/);
    expect(row?.customerId).not.toBe('cus_deletedlongago');
    expect(intent.customer).toBe(row?.customerId);
  });
});
