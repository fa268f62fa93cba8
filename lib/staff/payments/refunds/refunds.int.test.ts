import { and, eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog } from '@/lib/db/schema';
import { sandboxSecrets } from '@/lib/env/sandbox-defaults';
import { createFarpayClient } from '@/lib/farpay/client';
import { appContext } from '@/lib/server/context';
import { farpayApiUrl, farpayRefundsMinor, refundDeps, refundRequest } from '@/test/support/refund-fixtures';
import { sandbox } from '@/test/support/sandbox-control';
import { reconcileRefunds } from './reconcile';
import { refundPayment, type RefundInput } from './refund-payment';
import { findByKey, refundsOfPayment } from './store';

const deps = refundDeps;
const payment = async (type = 'Visa', amountMinor = 12_550, status = 'Paid') => (await sandbox.farpay.createPayment({ type, amountMinor, status })).PaymentId;
const ask = refundRequest;
const farpayRefunds = farpayRefundsMinor;
const auditOf = async (id: number) => {
  const { db } = await appContext();
  return (
    db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subject, `farpay-payment:${id}`), like(auditLog.action, 'farpay.refund.%')))
      // In the order written: without it Postgres may return them in any order (it did, under load).
      .orderBy(auditLog.id)
  );
};

describe('refunds of FarPay payments', () => {
  it('refunds a part, then the rest, audited with actor, reason and FarPay answer', async () => {
    const id = await payment();
    const d = await deps();
    const part = await refundPayment(d, ask(id, { mode: 'partial', amountText: '50.10', reason: 'goodwill', note: 'late' }), 'op@example.com');
    expect(part).toMatchObject({ outcome: 'succeeded', amountMinor: 5_010 });
    const rest = await refundPayment(d, ask(id, { shownRemainingMinor: 7_540 }), 'op@example.com');
    expect(rest).toMatchObject({ outcome: 'succeeded', amountMinor: 7_540 });
    expect(await farpayRefunds(id)).toEqual([-5_010, -7_540]);
    const rows = await refundsOfPayment(d.db, id);
    expect(rows.map((r) => r.status)).toEqual(['succeeded', 'succeeded']);
    const entries = await auditOf(id);
    expect(entries.map((e) => e.action)).toEqual(['farpay.refund.succeeded', 'farpay.refund.succeeded']);
    expect(entries[0]).toMatchObject({ actor: 'op@example.com', details: { reason: 'goodwill', note: 'late', farpay: { id: expect.any(Number) } } });
  });

  it('stops before sending: more than remaining, not a card, not paid, a bad amount, a stale form, no such payment', async () => {
    const d = await deps();
    const visa = await payment();
    const cases: Array<[RefundInput, string]> = [
      [ask(visa, { mode: 'partial', amountText: '125.51' }), 'too-much'],
      [ask(visa, { mode: 'partial', amountText: '1.005' }), 'invalid-amount'],
      [ask(visa, { mode: 'partial', amountText: '0' }), 'invalid-amount'],
      [ask(visa, { shownRemainingMinor: 10_000 }), 'changed'],
      [ask(await payment('BS')), 'not-card'],
      [ask(await payment('Dankort', 5_000, 'PaymentFailed'), { shownRemainingMinor: 0, mode: 'partial', amountText: '1' }), 'not-paid'],
      [ask(4_999_999), 'not-found'],
    ];
    for (const [input, outcome] of cases) {
      expect((await refundPayment(d, input, 'op')).outcome, outcome).toBe(outcome);
      expect(await findByKey(d.db, input.key)).toBeNull();
    }
    expect(await farpayRefunds(visa)).toEqual([]);
    expect((await auditOf(visa)).map((e) => e.action).sort()).toEqual(
      ['farpay.refund.changed', 'farpay.refund.invalid-amount', 'farpay.refund.invalid-amount', 'farpay.refund.too-much'].sort(),
    );
  });

  it('20 concurrent submissions of one form make exactly one refund; a resubmit gets the first result', async () => {
    const id = await payment();
    const d = await deps();
    const input = ask(id);
    const results = await Promise.all(Array.from({ length: 20 }, () => refundPayment(d, input, 'op')));
    expect(results.filter((r) => r.outcome === 'succeeded' && !r.repeat)).toHaveLength(1);
    expect(results.every((r) => r.outcome === 'succeeded' || r.outcome === 'in-progress')).toBe(true);
    expect(await farpayRefunds(id)).toEqual([-12_550]);
    expect(await refundPayment(d, input, 'op')).toMatchObject({ outcome: 'succeeded', repeat: true });
    expect(await farpayRefunds(id)).toEqual([-12_550]);
  });

  it('two staff refunding at once: one succeeds, the other is told the payment changed', async () => {
    const id = await payment();
    const d = await deps();
    const results = await Promise.all([refundPayment(d, ask(id, { mode: 'partial', amountText: '100' }), 'a'), refundPayment(d, ask(id), 'b')]);
    expect(results.map((r) => r.outcome).sort()).toEqual(['changed', 'succeeded']);
    expect(await farpayRefunds(id)).toHaveLength(1);
  });

  it('a 20040 PSP error shows its message and records nothing as refunded', async () => {
    const id = await payment('MasterCard');
    await sandbox.farpay.fault(id, { pspError: 'PSP: 1001:Invalid card number' });
    const d = await deps();
    const input = ask(id);
    expect(await refundPayment(d, input, 'op')).toMatchObject({ outcome: 'psp-error', farpayText: 'PSP: 1001:Invalid card number', status: 'failed' });
    expect(await findByKey(d.db, input.key)).toMatchObject({ status: 'failed', farpayCode: '20040' });
    expect(await farpayRefunds(id)).toEqual([]);
    expect((await refundPayment(d, ask(id), 'op')).outcome).toBe('succeeded');
  });

  it('a timeout leaves the refund unknown, refuses another until reconciled, then reconciles to the refund FarPay made', async () => {
    const id = await payment();
    await sandbox.farpay.fault(id, { timeoutMs: 5_000 });
    const d = await deps(300);
    const first = ask(id, { mode: 'partial', amountText: '25' });
    expect(await refundPayment(d, first, 'op')).toMatchObject({ outcome: 'unknown', status: 'unknown' });
    expect((await refundPayment(d, ask(id, { shownRemainingMinor: 10_050 }), 'op')).outcome).toBe('unresolved');
    expect(await reconcileRefunds(d, id, 'op')).toBe(1);
    const [made] = await sandbox.farpay.refunds(id);
    expect(await findByKey(d.db, first.key)).toMatchObject({ status: 'reconciled', farpayRefundId: made?.PaymentId });
    expect(await reconcileRefunds(d, id, 'op')).toBe(0);
    expect((await refundPayment(d, ask(id, { shownRemainingMinor: 10_050 }), 'op')).outcome).toBe('succeeded');
    expect(await farpayRefunds(id)).toEqual([-2_500, -10_050]);
  });

  it('settles an unknown refund FarPay never made as failed only after 3 empty looks over 30 minutes, then frees the payment', async () => {
    const id = await payment();
    const d = await deps();
    const { db } = d;
    const input = ask(id);
    // As if the answer was lost before FarPay acted: an unknown row, no refund at FarPay.
    const lost = { ...d, farpay: { ...d.farpay, refund: () => Promise.reject(new Error('socket hang up')) } };
    expect((await refundPayment(lost, input, 'op')).outcome).toBe('unknown');
    const t0 = Date.now();
    for (const at of [t0, t0 + 10 * 60_000, t0 + 29 * 60_000]) {
      expect(await reconcileRefunds(d, id, 'op', at)).toBe(0);
      expect(await findByKey(db, input.key)).toMatchObject({ status: 'unknown' });
      expect((await refundPayment(d, ask(id), 'op')).outcome).toBe('unresolved');
    }
    expect(await reconcileRefunds(d, id, 'op', t0 + 31 * 60_000)).toBe(1);
    expect(await findByKey(db, input.key)).toMatchObject({ status: 'failed', farpayCode: 'not-at-farpay', farpayAnswer: { looks: { count: 4 } } });
    expect((await auditOf(id)).map((e) => e.action)).toContain('farpay.refund.not-made');
    expect((await refundPayment(d, ask(id), 'op')).outcome).toBe('succeeded');
  });

  it('never settles as failed while FarPay’s figures moved: an unknown refund whose look-ups keep failing to find it stays unknown', async () => {
    const id = await payment();
    const d = await deps();
    const input = ask(id, { mode: 'partial', amountText: '10' });
    const lost = { ...d, farpay: { ...d.farpay, refund: () => Promise.reject(new Error('socket hang up')) } };
    expect((await refundPayment(lost, input, 'op')).outcome).toBe('unknown');
    // Someone refunds 5.00 at FarPay directly: FarPay's remaining is no longer what the form showed.
    await createFarpayClient({ apiUrl: farpayApiUrl, apiKey: sandboxSecrets.FARPAY_API_KEY }).refund(id, 500);
    const t0 = Date.now();
    for (let i = 0; i < 5; i++) expect(await reconcileRefunds(d, id, 'op', t0 + i * 20 * 60_000)).toBe(0);
    expect(await findByKey(d.db, input.key)).toMatchObject({ status: 'unknown' });
  });

  it('records the operator’s address on every farpay.refund.* audit row, refusals included', async () => {
    const id = await payment();
    const d = await deps();
    await refundPayment(d, ask(id, { mode: 'partial', amountText: '1.005' }), 'op', '203.0.113.7');
    await refundPayment(d, ask(id, { mode: 'partial', amountText: '10' }), 'op', '2001:db8::1');
    const rows = await auditOf(id);
    expect(rows.map((r) => [r.action, r.ip])).toEqual([
      ['farpay.refund.invalid-amount', '203.0.113.7'],
      ['farpay.refund.succeeded', '2001:db8::1'],
    ]);
  });

  it('refuses an amount with a NUL or beyond 9,999,999.99 with its own outcome: audited, nothing recorded, nothing sent', async () => {
    const id = await payment();
    const d = await deps();
    const cases: Array<[RefundInput, string]> = [
      [ask(id, { mode: 'partial', amountText: '10\u0000' }), 'invalid-amount'],
      [ask(id, { mode: 'partial', amountText: '9999999999' }), 'amount-too-large'],
      [ask(id, { mode: 'partial', amountText: '1\ud800', note: 'n\u0000o\ud800te' }), 'invalid-amount'],
    ];
    for (const [input, outcome] of cases) {
      expect((await refundPayment(d, input, 'op', '198.51.100.1')).outcome).toBe(outcome);
      expect(await findByKey(d.db, input.key)).toBeNull();
    }
    expect(await refundsOfPayment(d.db, id)).toEqual([]);
    expect(await farpayRefunds(id)).toEqual([]);
    const rows = await auditOf(id);
    expect(rows.map((r) => r.action)).toEqual(['farpay.refund.invalid-amount', 'farpay.refund.amount-too-large', 'farpay.refund.invalid-amount']);
    expect(rows.every((r) => r.ip === '198.51.100.1')).toBe(true);
    expect(rows[2]?.details).toMatchObject({ note: 'n\ufffdo\ufffdte' });
  });
});
