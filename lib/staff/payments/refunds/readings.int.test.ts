import { and, eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, farpayRefunds as refundTable } from '@/lib/db/schema';
import { sandboxSecrets } from '@/lib/env/sandbox-defaults';
import { runMaintenance } from '@/lib/maintenance/job';
import { appContext } from '@/lib/server/context';
import { farpayApiUrl, farpayRefundsMinor, refundDeps, refundRequest } from '@/test/support/refund-fixtures';
import { sandbox } from '@/test/support/sandbox-control';
import { loadPaymentDetail } from '@/lib/staff/payments/payment-detail';
import { refundPayment } from './refund-payment';
import { findByKey } from './store';

/**
 * FarPay's documents disagree on what `RefundId` names (PROVIDERS.md): the app must find a
 * payment's refunds, and never refund twice, under either reading; and its refund records'
 * statuses (New, Processing, Ok, Error, Ignore) decide what counts as refunded.
 */
const deps = refundDeps;
const payment = async (amountMinor = 12_550, type = 'Visa') => (await sandbox.farpay.createPayment({ type, amountMinor })).PaymentId;
const ask = refundRequest;
const farpayRefunds = farpayRefundsMinor;
const auditCount = async (id: number) => {
  const { db } = await appContext();
  return (
    await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subject, `farpay-payment:${id}`), like(auditLog.action, 'farpay.refund.%')))
  ).length;
};
const MAINTENANCE = { expireStartedAfterHours: 24, inboxRetentionDays: 30, linkRetentionDays: 30 };

describe.each(['original', 'refund'] as const)('refunds when RefundId names the %s', (reading) => {
  beforeAll(async () => void (await sandbox.farpay.settings({ refundIdPointsAt: reading })));
  afterAll(async () => void (await sandbox.farpay.settings({ refundIdPointsAt: 'original', refundStatus: 'Paid' })));

  it('finds a payment’s refunds, made here and elsewhere, and what remains', async () => {
    const id = await payment();
    const d = await deps();
    await d.farpay.refund(id, 1_000);
    await d.farpay.refund(id, 2_000);
    const detail = await loadPaymentDetail(d, id);
    expect(detail?.farpayRefunds.map((r) => r.paidMinor).sort((a, b) => a - b)).toEqual([-2_000, -1_000]);
    expect(detail?.remainingMinor).toBe(9_550);
    const raw = await fetch(`${farpayApiUrl}/payments/${id}`, { headers: { 'X-API-KEY': sandboxSecrets.FARPAY_API_KEY } });
    const wire = (await raw.json()) as { RefundId: number | null };
    // The switch does what it says: the original carries its latest refund's id under the `refund` reading.
    expect(wire.RefundId === null).toBe(reading === 'original');
  });

  it('a partial refund whose answer timed out is reconciled by the maintenance job, and no second refund is offered meanwhile', async () => {
    const id = await payment();
    await sandbox.farpay.fault(id, { timeoutMs: 5_000 });
    const d = await deps(300);
    const first = ask(id, { mode: 'partial', amountText: '25' });
    expect(await refundPayment(d, first, 'op')).toMatchObject({ outcome: 'unknown' });
    // Viewing the payment settles nothing and writes nothing; it shows the open refund and offers none.
    const audited = await auditCount(id);
    const viewed = await loadPaymentDetail(await deps(), id);
    expect(viewed?.open).toMatchObject({ status: 'unknown', amountMinor: 2_500 });
    expect(await findByKey(d.db, first.key)).toMatchObject({ status: 'unknown' });
    expect(await auditCount(id)).toBe(audited);
    expect((await refundPayment(await deps(), ask(id, { shownRemainingMinor: viewed?.remainingMinor ?? 0 }), 'op')).outcome).toBe('unresolved');

    // The job leaves a refund that has just timed out to the operator's own check…
    const { stripe } = await appContext();
    await runMaintenance({ db: d.db, stripe, farpay: (await deps()).farpay }, MAINTENANCE);
    expect(await findByKey(d.db, first.key)).toMatchObject({ status: 'unknown' });
    // …and looks at refunds untouched for 2 minutes: this one as if it timed out 3 minutes ago.
    await d.db
      .update(refundTable)
      .set({ updatedAt: sql`now() - interval '3 minutes'` })
      .where(eq(refundTable.idempotencyKey, first.key));
    const report = await runMaintenance({ db: d.db, stripe, farpay: (await deps()).farpay }, MAINTENANCE);
    expect(report.refunds.settled).toBeGreaterThanOrEqual(1);
    const [made] = await sandbox.farpay.refunds(id);
    expect(await findByKey(d.db, first.key)).toMatchObject({ status: 'reconciled', farpayRefundId: made?.PaymentId });
    const after = await loadPaymentDetail(await deps(), id);
    expect([after?.open, after?.remainingMinor]).toEqual([null, 10_050]);
    expect((await refundPayment(await deps(), ask(id, { shownRemainingMinor: 10_050 }), 'op')).outcome).toBe('succeeded');
    expect(await farpayRefunds(id)).toEqual([-2_500, -10_050]);
  });

  it('one look-up that finds nothing leaves a timed-out refund unknown (never failed, never a second refund)', async () => {
    const id = await payment();
    await sandbox.farpay.fault(id, { timeoutMs: 5_000 });
    const d = await deps(300);
    const first = ask(id, { mode: 'partial', amountText: '30' });
    expect((await refundPayment(d, first, 'op')).outcome).toBe('unknown');
    const blind = { db: d.db, farpay: { ...d.farpay, refundsOf: async () => [] } };
    const { reconcileRefunds } = await import('./reconcile');
    expect(await reconcileRefunds(blind, id, 'op', Date.now() + 60 * 60_000)).toBe(0);
    expect(await findByKey(d.db, first.key)).toMatchObject({ status: 'unknown' });
    expect((await refundPayment(await deps(), ask(id, { shownRemainingMinor: 12_550 }), 'op')).outcome).toBe('unresolved');
    expect(await farpayRefunds(id)).toEqual([-3_000]);
  });

  it('20 concurrent refunds from 20 forms refund at most the payment', async () => {
    const id = await payment();
    const d = await deps();
    const forms = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? ask(id) : ask(id, { mode: 'partial', amountText: '100' })));
    const results = await Promise.all(forms.map((f) => refundPayment(d, f, 'op')));
    const made = await farpayRefunds(id);
    expect(made.reduce((s, m) => s - m, 0)).toBeLessThanOrEqual(12_550);
    expect(results.filter((r) => r.outcome === 'succeeded')).toHaveLength(made.length);
    expect(made.length).toBeGreaterThanOrEqual(1);
    // What is left is right, and a refund of it finishes the payment exactly.
    const left = (await loadPaymentDetail(d, id))?.remainingMinor ?? -1;
    expect(left).toBe(12_550 + made.reduce((s, m) => s + m, 0));
    if (left > 0) expect((await refundPayment(d, ask(id, { shownRemainingMinor: left }), 'op')).outcome).toBe('succeeded');
    expect((await farpayRefunds(id)).reduce((s, m) => s - m, 0)).toBe(12_550);
  });

  it('a Dankort payment spelled DanKort stays refundable', async () => {
    await sandbox.farpay.settings({ typeSpelling: 'webhook' });
    try {
      const id = await payment(5_000, 'Dankort');
      const d = await deps();
      const detail = await loadPaymentDetail(d, id);
      expect([detail?.payment.type, detail?.refundable]).toEqual(['DanKort', 'ok']);
      expect((await refundPayment(d, ask(id, { shownRemainingMinor: 5_000 }), 'op')).outcome).toBe('succeeded');
    } finally {
      await sandbox.farpay.settings({ typeSpelling: 'seed' });
    }
  });
});

describe('a payment’s refunds when FarPay cuts pages to 100 without a word', () => {
  afterAll(async () => void (await sandbox.farpay.settings({ pageCap: null })));

  it('finds all 120 refunds and the right refundable amount', async () => {
    const id = await payment();
    const d = await deps();
    for (let i = 0; i < 120; i++) await d.farpay.refund(id, 100);
    await sandbox.farpay.settings({ pageCap: 100 });
    const detail = await loadPaymentDetail(d, id);
    expect(detail?.farpayRefunds).toHaveLength(120);
    expect(detail?.remainingMinor).toBe(550);
    expect((await refundPayment(d, ask(id, { mode: 'partial', amountText: '5.51', shownRemainingMinor: 550 }), 'op')).outcome).toBe('too-much');
  });
});

describe('refund records’ statuses (FarPay/ApiDoc Refund.md)', () => {
  afterAll(async () => void (await sandbox.farpay.settings({ refundStatus: 'Paid' })));

  it('New/Processing are pending (not refunded, but not refundable again); Ok refunded; Error/Ignore moved nothing', async () => {
    const d = await deps();
    const id = await payment();
    await sandbox.farpay.settings({ refundStatus: 'New' });
    expect((await refundPayment(d, ask(id, { mode: 'partial', amountText: '20' }), 'op')).outcome).toBe('pending');
    let detail = await loadPaymentDetail(d, id);
    expect([detail?.refundedMinor, detail?.pendingRefundMinor, detail?.remainingMinor]).toEqual([0, 2_000, 10_550]);

    const [pending] = await sandbox.farpay.refunds(id);
    await sandbox.farpay.setStatus(pending?.PaymentId ?? 0, 'Ok');
    detail = await loadPaymentDetail(d, id);
    expect([detail?.refundedMinor, detail?.pendingRefundMinor, detail?.remainingMinor]).toEqual([2_000, 0, 10_550]);

    await sandbox.farpay.settings({ refundStatus: 'Error' });
    const errored = ask(id, { mode: 'partial', amountText: '5', shownRemainingMinor: 10_550 });
    expect((await refundPayment(d, errored, 'op')).outcome).toBe('farpay-refused');
    expect(await findByKey(d.db, errored.key)).toMatchObject({ status: 'failed', farpayCode: 'status-Error' });
    detail = await loadPaymentDetail(d, id);
    expect([detail?.refundedMinor, detail?.pendingRefundMinor, detail?.remainingMinor]).toEqual([2_000, 0, 10_550]);
    expect(detail?.farpayRefunds.map((r) => r.status).sort()).toEqual(['Error', 'Ok']);
  });
});
