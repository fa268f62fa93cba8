import { randomInt } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, failedPaymentsHandled } from '@/lib/db/schema';
import { isRefused } from '@/lib/domain/outcomes';
import { appContext } from '@/lib/server/context';
import { createAttentionCache } from '@/lib/staff/overview/cache';
import { deliver } from '@/test/support/approval-fixtures';
import { freshAccount, sandbox } from '@/test/support/sandbox-control';
import { listFailedPayments } from './list';
import { HANDLED_NOTE_MAX, markFailedPaymentHandled } from './mark-handled';

const today = () => new Date().toISOString().slice(0, 10);
const period = () => ({ from: today(), to: today() });

async function deps() {
  const ctx = await appContext();
  // A cache of the test's own: what FarPay holds now, not what an earlier test's read kept.
  return { db: ctx.db, farpay: ctx.farpay, cache: createAttentionCache() };
}

/** Fenerum charges an account whose card (saved through Fenerum's own link) every charge fails on: payment.declined, delivered. */
async function declinedOnAccount(): Promise<{ account: string; paymentIntentId: string }> {
  const account = await freshAccount();
  await sandbox.fenerum.addCardThroughFenerum(account, { number: '4000000000000341', expMonth: randomInt(1, 13), expYear: randomInt(2040, 2070) });
  const charge = await sandbox.fenerum.charge(account, { bankWantsAuthentication: false, amount: 12_300 });
  expect(charge.webhook?.event).toBe('payment.declined');
  expect((await deliver(charge.webhook)).status).toBe(200);
  return { account, paymentIntentId: charge.paymentGatewayId };
}

/** A declined payment on a Stripe customer and card no Fenerum account holds: nobody's. */
async function declinedOfNobody(): Promise<string> {
  const { stripe } = await appContext();
  const customer = await stripe.customers.create({});
  const pm = await stripe.paymentMethods.attach('pm_card_chargeCustomerFail', { customer: customer.id });
  const failed = await stripe.paymentIntents
    .create({ amount: 4_500, currency: 'dkk', customer: customer.id, payment_method: pm.id, off_session: true, confirm: true })
    .catch((err: { raw?: { payment_intent?: { id: string } } }) => err.raw?.payment_intent);
  const id = failed?.id ?? '';
  expect((await deliver({ event: 'payment.declined', data: { payment_gateway_id: id } })).status).toBe(200);
  return id;
}

const rowOf = async (key: string, show: 'unhandled' | 'all' = 'all') =>
  (await listFailedPayments(await deps(), period(), show, 0)).rows.find((r) => r.key === key);
const handledRows = async (key: string) => (await appContext()).db.select().from(failedPaymentsHandled).where(eq(failedPaymentsHandled.paymentKey, key));
const auditOf = async (key: string) =>
  (await appContext()).db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'failed_payment.handled'), eq(auditLog.subject, key)));

describe('failed payments and the account each belongs to', () => {
  beforeAll(async () => void (await appContext()));

  it('a Fenerum payment.declined shows the account found from Stripe and Fenerum, with Stripe’s amount and reason', async () => {
    const { account, paymentIntentId } = await declinedOnAccount();
    expect(await rowOf(`fenerum:${paymentIntentId}`)).toMatchObject({
      source: 'fenerum',
      accountCode: account,
      amountMinor: 12_300,
      currency: 'DKK',
      handled: null,
    });
  });

  it('a declined payment no account can be found for, and every FarPay failed payment, show "unknown account"', async () => {
    const nobody = await declinedOfNobody();
    expect(await rowOf(`fenerum:${nobody}`)).toMatchObject({ accountCode: null, amountMinor: 4_500 });
    // FarPay's record names no account (seeds/003): never guessed from the invoice.
    const farpay = await sandbox.farpay.createPayment({ type: 'Visa', status: 'PaymentFailed', amountMinor: 9_900, error: 'Insufficient funds' });
    expect(await rowOf(`farpay:${farpay.PaymentId}`)).toMatchObject({ source: 'farpay', accountCode: null, reason: 'Insufficient funds', amountMinor: 9_900 });
  });

  it('a paid FarPay payment is not listed, a rejected one is', async () => {
    const paid = await sandbox.farpay.createPayment({ type: 'Visa', amountMinor: 1_000 });
    const rejected = await sandbox.farpay.createPayment({ type: 'Dankort', status: 'PaymentRejected', amountMinor: 2_000 });
    expect(await rowOf(`farpay:${paid.PaymentId}`)).toBeUndefined();
    expect(await rowOf(`farpay:${rejected.PaymentId}`)).toMatchObject({ status: 'PaymentRejected' });
  });
});

describe('marking a failed payment handled', () => {
  it('stores who, when and the note, audits it, and takes it off the unhandled list (still under all)', async () => {
    const { account, paymentIntentId } = await declinedOnAccount();
    const key = `fenerum:${paymentIntentId}`;
    expect(await rowOf(key, 'unhandled')).toBeDefined();
    const d = await deps();
    expect(await markFailedPaymentHandled(d, { key, note: '  Sent a new-card link by phone.  ' }, 'support@staff.example', '10.0.0.1')).toEqual({
      kind: 'handled',
      key,
      accountCode: account,
    });
    expect(await rowOf(key, 'unhandled')).toBeUndefined();
    expect((await rowOf(key, 'all'))?.handled).toMatchObject({ by: 'support@staff.example', note: 'Sent a new-card link by phone.' });
    expect(await auditOf(key)).toMatchObject([
      { actor: 'support@staff.example', accountCode: account, ip: '10.0.0.1', details: { note: 'Sent a new-card link by phone.' } },
    ]);
  });

  it('a FarPay failed payment can be marked handled too (its account unknown)', async () => {
    const p = await sandbox.farpay.createPayment({ type: 'MasterCard', status: 'PaymentFailed', amountMinor: 5_000 });
    const key = `farpay:${p.PaymentId}`;
    expect(await markFailedPaymentHandled(await deps(), { key, note: 'Called the customer' }, 'op@staff.example', null)).toMatchObject({
      kind: 'handled',
      accountCode: null,
    });
    expect(await handledRows(key)).toHaveLength(1);
  });

  it.each([
    ['an empty note', (k: string) => ({ key: k, note: '   ' }), 'invalid-input', 'handledNoteEmpty'],
    ['a note too long', (k: string) => ({ key: k, note: 'x'.repeat(HANDLED_NOTE_MAX + 1) }), 'too-large', 'handledNoteTooLong'],
    ['a key that names no kind of payment', () => ({ key: 'stripe:pi_1', note: 'n' }), 'invalid-input', 'failedPaymentBadKey'],
    ['a PaymentIntent Fenerum never declined', () => ({ key: `fenerum:pi_never${randomInt(1e9)}`, note: 'n' }), 'not-found', 'failedPaymentUnknown'],
    ['a FarPay payment that does not exist', () => ({ key: 'farpay:999999999', note: 'n' }), 'not-found', 'failedPaymentUnknown'],
  ])('refuses %s with its sentence, and writes nothing', async (_name, input, reason, key) => {
    const p = await sandbox.farpay.createPayment({ type: 'Visa', status: 'PaymentFailed', amountMinor: 700 });
    const asked = input(`farpay:${p.PaymentId}`);
    const result = await markFailedPaymentHandled(await deps(), asked, 'support@staff.example', null);
    expect(isRefused(result) && result).toMatchObject({ reason, key });
    expect(await handledRows(asked.key)).toHaveLength(0);
    expect(await auditOf(asked.key)).toHaveLength(0);
  });

  it('refuses another kind of payment’s id (a paid payment, a refund) and one already handled, writing nothing more', async () => {
    const paid = await sandbox.farpay.createPayment({ type: 'Visa', amountMinor: 1_000 });
    const r = await markFailedPaymentHandled(await deps(), { key: `farpay:${paid.PaymentId}`, note: 'n' }, 's@staff.example', null);
    expect(isRefused(r) && r).toMatchObject({ reason: 'invalid-input', key: 'failedPaymentNotFailed', params: { payment: String(paid.PaymentId) } });
    expect(await handledRows(`farpay:${paid.PaymentId}`)).toHaveLength(0);
    const refund = await (await appContext()).farpay.refund(paid.PaymentId, null);
    const rr = await markFailedPaymentHandled(await deps(), { key: `farpay:${refund.id}`, note: 'n' }, 's@staff.example', null);
    expect(isRefused(rr) && rr).toMatchObject({ key: 'failedPaymentNotFailed' });
    expect(await handledRows(`farpay:${refund.id}`)).toHaveLength(0);

    const { paymentIntentId } = await declinedOnAccount();
    const key = `fenerum:${paymentIntentId}`;
    expect(await markFailedPaymentHandled(await deps(), { key, note: 'first' }, 'a@staff.example', null)).toMatchObject({ kind: 'handled' });
    const again = await markFailedPaymentHandled(await deps(), { key, note: 'second' }, 'b@staff.example', null);
    expect(isRefused(again) && again).toMatchObject({ key: 'failedPaymentAlreadyHandled' });
    expect(await handledRows(key)).toMatchObject([{ handledBy: 'a@staff.example', note: 'first' }]);
    expect(await auditOf(key)).toHaveLength(1);
  });

  it('pages without a "next" that leads nowhere: next only while rows remain', async () => {
    const listing = await listFailedPayments(await deps(), period(), 'all', 0);
    expect(listing.hasNext).toBe(listing.total > listing.rows.length);
    const past = await listFailedPayments(await deps(), period(), 'all', 1);
    expect(past.rows.length > 0).toBe(listing.hasNext);
  });
});
