import { count, eq } from 'drizzle-orm';
import { appContext } from '@/lib/server/context';
import { describe, expect, it } from 'vitest';
import { inbox } from '@/lib/db/schema';
import { findRegistration } from '@/lib/registrations/store';
import { confirmWith, registerSetupIntentNow, setupIntentFor, setupSucceededEvent, webhookRequest } from '@/test/support/stripe-fixtures';
import { settled, waitForStatus } from '@/test/support/quickpay-fixtures';
import { fenerumCardsOf, freshAccount, registeredTokens } from '@/test/support/sandbox-control';
import { POST } from './route';

// This provider's rows only: on Postgres other files' callbacks land in the same inbox at the same time.
const inboxCount = async () => (await (await appContext()).db.select({ n: count() }).from(inbox).where(eq(inbox.provider, 'stripe')))[0]?.n ?? 0;

describe('Stripe registration (register-payment-card use case and /api/stripe-webhook)', () => {
  it('a succeeded SetupIntent is registered with Fenerum as stripe_new with its PaymentMethod', async () => {
    const account = await freshAccount();
    const { setupIntentId } = await setupIntentFor(account);
    const confirmed = await confirmWith(setupIntentId);
    const outcome = await registerSetupIntentNow(setupIntentId, account);
    expect(outcome).toMatchObject({ kind: 'registered', card: { brand: 'Visa', last4: '4242' } });
    const pm = typeof confirmed.payment_method === 'string' ? confirmed.payment_method : confirmed.payment_method?.id;
    const cards = await fenerumCardsOf(account);
    expect(cards).toHaveLength(1);
    expect(cards[0]?.payment_gateway).toBe('stripe_new');
    expect(await registeredTokens(cards[0]?.account ?? '')).toEqual([pm]);
  });

  it('the same setup_intent.succeeded 10 times while the page registers 10 times at once → one Fenerum card', async () => {
    const account = await freshAccount();
    const { setupIntentId } = await setupIntentFor(account);
    const intent = await confirmWith(setupIntentId);
    const event = setupSucceededEvent(intent);
    const results = await Promise.all([
      ...Array.from({ length: 10 }, () => POST(webhookRequest(event))),
      ...Array.from({ length: 10 }, () => registerSetupIntentNow(setupIntentId, account)),
    ]);
    for (const r of results.slice(0, 10)) expect((r as Response).status).toBe(200);
    const reg = await findRegistration((await appContext()).db, 'stripe_new', setupIntentId);
    await waitForStatus(reg?.id ?? '', 'registered');
    await settled(reg?.id ?? ''); // no attempt holds it any more: none can still reach Fenerum
    expect(await fenerumCardsOf(account)).toHaveLength(1);
  });

  it('the webhook alone registers the card (the customer closed the tab after 3-D Secure)', async () => {
    const { setupIntentId } = await setupIntentFor('CUST003');
    const intent = await confirmWith(setupIntentId, 'pm_card_mastercard');
    const res = await POST(webhookRequest(setupSucceededEvent(intent)));
    expect(res.status).toBe(200);
    const reg = await findRegistration((await appContext()).db, 'stripe_new', setupIntentId);
    expect((await waitForStatus(reg?.id ?? '', 'registered')).cardLast4).toBe('4444');
  });

  it('refuses another account’s SetupIntent with 403 and registers nothing', async () => {
    const { setupIntentId } = await setupIntentFor('CUST003');
    await confirmWith(setupIntentId);
    expect(await registerSetupIntentNow(setupIntentId, 'CUST001')).toMatchObject({ kind: 'refused', status: 403 });
    expect((await findRegistration((await appContext()).db, 'stripe_new', setupIntentId))?.status).toBe('started');
  });

  it('refuses a SetupIntent that has not succeeded with 409 and a message', async () => {
    const { setupIntentId } = await setupIntentFor('CUST003');
    expect(await registerSetupIntentNow(setupIntentId, 'CUST003')).toMatchObject({
      kind: 'refused',
      status: 409,
      error: expect.stringMatching(/requires_payment_method/),
    });
  });

  it('refuses a SetupIntent this portal did not start with 404', async () => {
    expect(await registerSetupIntentNow('seti_doesnotexist000', 'CUST003')).toMatchObject({ kind: 'refused', status: 404 });
  });

  it.each([
    ['a forged signature', { secret: 'whsec_not_the_secret' }],
    ['a signature older than the tolerance', { timestamp: Math.floor(Date.now() / 1000) - 600 }],
  ])('answers %s with 400 and does nothing', async (_, opts) => {
    const { setupIntentId } = await setupIntentFor('CUST003');
    const intent = await confirmWith(setupIntentId);
    const before = await inboxCount();
    const res = await POST(webhookRequest(setupSucceededEvent(intent), opts));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'Invalid Stripe-Signature', code: 'invalid-input' });
    expect(await inboxCount()).toBe(before);
    expect((await findRegistration((await appContext()).db, 'stripe_new', setupIntentId))?.status).toBe('started');
  });

  it('acknowledges events it does not act on', async () => {
    const res = await POST(webhookRequest({ ...setupSucceededEvent({ id: 'pi_123' }, 'evt_other_1'), type: 'payment_intent.created' }));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ result: 'ignored' });
  });

  it.each([
    ['null', null],
    ['a number', 5],
    ['an array', [{ id: 'evt_1' }]],
    ['an object that is no event', { hello: 'world' }],
    ['a NUL in a string', { id: 'evt_nul_1', type: 'setup_intent.succeeded', data: { object: { id: 'seti_\u0000' } } }],
    ['a succeeded event without its SetupIntent', { id: 'evt_no_seti', type: 'setup_intent.succeeded', data: {} }],
  ])('a signed body that can never be stored (%s) is acknowledged as ignored (200), and nothing is stored', async (_, event) => {
    const before = await inboxCount();
    const res = await POST(webhookRequest(event));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ result: expect.stringMatching(/^ignored/) });
    expect(await inboxCount()).toBe(before);
  });
});
