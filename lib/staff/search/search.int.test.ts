import { beforeAll, describe, expect, it, vi } from 'vitest';
import { appContext } from '@/lib/server/context';
import { createStaffCache } from '@/lib/staff/accounts/staff-reads';
import { accountWithCard, deliver, failedCharge } from '@/test/support/approval-fixtures';
import { sandbox } from '@/test/support/sandbox-control';
import { searchStaff, type SearchAnswer } from './search';

beforeAll(async () => {
  await appContext();
});

/** The app's context with a staff cache of the test's own (a search's cost is then the test's alone). */
const fresh = async () => ({ ...(await appContext()), staffCache: createStaffCache() });

const resultsOf = (answer: unknown) => {
  const a = answer as SearchAnswer;
  if (a.kind !== 'results') throw new Error(`expected results, got ${JSON.stringify(a)}`);
  return a.groups;
};
const hrefsOf = (answer: unknown, kind: string) =>
  resultsOf(answer)
    .filter((g) => g.kind === kind)
    .flatMap((g) => ('hits' in g ? g.hits.map((h) => h.href) : []));

/** Emulator requests (Fenerum's and FarPay's counters) and Stripe PaymentIntent reads, to prove none was made. */
async function providerCalls(retrieve: { mock: { calls: unknown[] } }) {
  const [fenerum, farpay] = await Promise.all([sandbox.fenerum.stats(), sandbox.farpay.stats()]);
  return fenerum.total + farpay.total + retrieve.mock.calls.length;
}

describe('the staff search box, against the sandbox', () => {
  it('an exact account code jumps to the account; a name or a recipient’s email lists it', async () => {
    const ctx = await fresh();
    expect(await searchStaff(ctx, 'CUST001', 'viewer')).toEqual({ kind: 'jump', href: '/staff/accounts/CUST001' });
    expect(hrefsOf(await searchStaff(ctx, 'nordlys', 'viewer'), 'account')).toContain('/staff/accounts/CUST001');
    expect(hrefsOf(await searchStaff(ctx, 'ida@nordlys.dk', 'viewer'), 'account')).toEqual(['/staff/accounts/CUST001']);
  });

  it('four digits find the cards ending in them, on their accounts; a card’s uuid jumps to its page', async () => {
    const ctx = await fresh();
    const account = await sandbox.fenerum.createAccount();
    const last4 = 1000 + Math.floor(Math.random() * 8000);
    await sandbox.fenerum.addCards(account.code, 2, last4);
    const [card] = await sandbox.fenerum.cards(account.code);
    const hrefs = hrefsOf(await searchStaff(ctx, String(last4), 'viewer'), 'card');
    expect(hrefs).toContain(`/staff/accounts/${account.code}/cards/${card?.uuid}`);
    expect(await searchStaff(ctx, String(card?.uuid).toUpperCase(), 'viewer')).toEqual({
      kind: 'jump',
      href: `/staff/accounts/${account.code}/cards/${card?.uuid}`,
    });
  });

  it('a card on an account made after the index was refreshed is still found (the index refreshed, not every time)', async () => {
    const ctx = await fresh();
    await searchStaff(ctx, 'nordlys', 'viewer'); // the index is filled now
    const account = await sandbox.fenerum.createAccount();
    await sandbox.fenerum.addCards(account.code, 1, 1234);
    const [card] = await sandbox.fenerum.cards(account.code);
    if (!card) throw new Error('the sandbox made no card');
    expect(await searchStaff(ctx, card.uuid, 'viewer')).toEqual({ kind: 'jump', href: `/staff/accounts/${account.code}/cards/${card.uuid}` });
    const before = (await sandbox.fenerum.stats()).total;
    const gone = '00000000-0000-4000-8000-000000000000';
    // A card whose account Fenerum no longer lists: the index is not refreshed for it again within 15 s.
    await ctx.staffCache.cardByUuid.get(gone, async () => ({
      uuid: gone,
      accountUuid: gone,
      active: true,
      brand: 'Visa',
      last4: '1234',
      expMonth: 1,
      expYear: 2030,
      gateway: 'stripe_new' as const,
    }));
    await searchStaff(ctx, gone, 'viewer');
    await searchStaff(ctx, gone, 'viewer');
    expect((await sandbox.fenerum.stats()).total).toBe(before);
  });

  it('a FarPay payment id jumps to the payment; an invoice id to its look-up', async () => {
    const ctx = await fresh();
    const invoiceId = 8_000_000 + Math.floor(Math.random() * 1_000_000);
    const payment = await sandbox.farpay.createPayment({ type: 'Visa', amountMinor: 12_300, invoiceId });
    expect(await searchStaff(ctx, String(payment.PaymentId), 'viewer')).toEqual({ kind: 'jump', href: `/staff/payments/${payment.PaymentId}` });
    expect(await searchStaff(ctx, String(invoiceId), 'viewer')).toEqual({ kind: 'jump', href: `/staff/payments?mode=lookup&invoice=${invoiceId}` });
  });

  it('a Stripe PaymentIntent id jumps to its account: through Stripe (its customer is ours), then from our own approval row without Stripe', async () => {
    const ctx = await fresh();
    const code = await accountWithCard((await sandbox.fenerum.createAccount()).code);
    const { paymentIntentId, webhook } = await failedCharge(code);
    const retrieve = vi.spyOn(ctx.stripe.paymentIntents, 'retrieve');
    try {
      expect(await searchStaff(ctx, paymentIntentId, 'viewer')).toEqual({ kind: 'jump', href: `/staff/accounts/${code}` });
      expect(retrieve).toHaveBeenCalledTimes(1);
      await deliver(webhook);
      retrieve.mockClear();
      expect(await searchStaff(ctx, paymentIntentId, 'viewer')).toEqual({ kind: 'jump', href: `/staff/accounts/${code}` });
      expect(retrieve).not.toHaveBeenCalled();
    } finally {
      retrieve.mockRestore();
    }
  });

  it('only the provider that can answer is asked: a pi_ asks neither Fenerum nor FarPay; digits ask FarPay and Fenerum’s cached lists only', async () => {
    const ctx = await fresh();
    await searchStaff(ctx, 'CUST001', 'viewer'); // the index is filled now
    const before = await Promise.all([sandbox.fenerum.stats(), sandbox.farpay.stats()]);
    const unknown = await searchStaff(ctx, 'pi_NoSuchIntent0000000000', 'viewer');
    expect(resultsOf(unknown)).toEqual([{ kind: 'payment-intent', hits: [], truncated: false }]);
    const after = await Promise.all([sandbox.fenerum.stats(), sandbox.farpay.stats()]);
    expect(after.map((s) => s.total)).toEqual(before.map((s) => s.total));
    await searchStaff(ctx, '1000003', 'viewer');
    const [fenerum] = await Promise.all([sandbox.fenerum.stats()]);
    expect(fenerum.total).toBe(before[0].total); // accounts from the index: no Fenerum call
    expect((await sandbox.farpay.stats()).total).toBeGreaterThan(before[1].total);
  });

  it('a minute of searching costs Fenerum one read of the card list, however many searches (accounts come from the index)', async () => {
    const ctx = await fresh();
    await searchStaff(ctx, '4242', 'viewer'); // the card list is read once
    const before = (await sandbox.fenerum.stats()).total;
    for (const q of ['4444', '0341', 'nordlys', 'storkunde', '5556', 'havblik']) await searchStaff(ctx, q, 'viewer');
    expect((await sandbox.fenerum.stats()).total).toBe(before);
  });

  it('bad input is refused with its sentence and no provider is asked', async () => {
    const ctx = await fresh();
    const retrieve = vi.spyOn(ctx.stripe.paymentIntents, 'retrieve');
    try {
      const before = await providerCalls(retrieve);
      for (const [raw, key] of [
        ['', 'searchEmpty'],
        ['   \t ', 'searchEmpty'],
        ['x'.repeat(101), 'searchTooLong'],
        [`pi_${'a'.repeat(5000)}`, 'searchTooLong'],
        ['CUST\u0000001', 'searchControlCharacters'],
        ['1000003\n2000003', 'searchControlCharacters'],
        ['pi_abc\u001bdef12345', 'searchControlCharacters'],
      ] as const) {
        expect(await searchStaff(ctx, raw, 'viewer'), JSON.stringify(raw)).toMatchObject({ kind: 'refused', reason: 'invalid-input', key });
      }
      expect(await providerCalls(retrieve)).toBe(before);
    } finally {
      retrieve.mockRestore();
    }
  });

  it('FarPay not answering is said for its kinds; what Fenerum found is still shown, and nothing jumps', async () => {
    const ctx = await fresh();
    await sandbox.farpay.settings({ badGatewayNext: 10 });
    try {
      const groups = resultsOf(await searchStaff(ctx, '4242', 'viewer'));
      expect(groups.find((g) => g.kind === 'payment')).toEqual({ kind: 'payment', unavailable: true });
      expect(groups.find((g) => g.kind === 'invoice')).toEqual({ kind: 'invoice', unavailable: true });
      expect(hrefsOf({ kind: 'results', groups: groups.filter((g) => g.kind === 'card') }, 'card').length).toBeGreaterThan(0);
    } finally {
      await sandbox.farpay.settings({ badGatewayNext: 0 });
    }
  });
});
