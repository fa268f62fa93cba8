import { describe, expect, it } from 'vitest';
import { sandboxSecrets } from '@/lib/env/sandbox-defaults';
import { describeContract } from '@/test/support/provider-contract';
import { sandbox, sandboxUrls } from '@/test/support/sandbox-control';
import { createFarpayClient } from './client';
import { isFarpayError } from './errors';
import { pagesOf } from './paging';

/**
 * FarPay's payments API as seeds/003 documents it. Real: CONTRACT_FARPAY_API_KEY (and
 * CONTRACT_FARPAY_URL); against the real test environment only reads run (a refund moves money,
 * and FarPay has no test payments we could make).
 */
type Target = { apiUrl: string; apiKey: string };
const env = process.env;
const real: Target | undefined = env.CONTRACT_FARPAY_API_KEY
  ? { apiUrl: env.CONTRACT_FARPAY_URL || 'https://api.farpay.io/v2', apiKey: env.CONTRACT_FARPAY_API_KEY }
  : undefined;
const farpayUrl = sandboxUrls.farpay ?? '';
const sandboxTarget: Target = { apiUrl: `${farpayUrl}/v2`, apiKey: sandboxSecrets.FARPAY_API_KEY };

describeContract('FarPay', { sandbox: sandboxTarget, real, keys: ['CONTRACT_FARPAY_API_KEY'] }, ({ kind, config: t }) => {
  const client = (apiKey = t.apiKey) => createFarpayClient({ apiUrl: t.apiUrl, apiKey, maxRetries: 1 });

  it('lists a period as a bare array of at most pageSize payments, and reads one back', async () => {
    const rows = await client().listPayments({ mode: 'period', from: '2025-01-01', to: '2025-12-31' }, { page: 0, pageSize: 5 });
    expect(rows.length).toBeLessThanOrEqual(5);
    const first = rows[0];
    if (!first) return;
    expect(Number.isInteger(first.paidMinor)).toBe(true);
    expect(await client().getPayment(first.id)).toMatchObject({ id: first.id, paidMinor: first.paidMinor });
  });

  // Read-only checks of what FarPay's documents leave open (README "FarPay: what its documents leave open").
  const raw = async (query: string): Promise<Array<Record<string, unknown>>> => {
    const res = await fetch(`${t.apiUrl}/payments?${query}`, { headers: { 'X-API-KEY': t.apiKey, Accept: 'application/json' } });
    expect([200, 204]).toContain(res.status);
    return res.status === 204 ? [] : ((await res.json()) as Array<Record<string, unknown>>);
  };
  const PERIOD = 'paymentDateFrom=2025-01-01&paymentDateTo=2025-03-31';

  it('pages of 100 and paging as the client does give the same records (a cap would show here)', async () => {
    let byHundred = 0;
    for (let page = 0; page < 2_000; page++) {
      const rows = await raw(`${PERIOD}&pageSize=100&page=${page}`);
      byHundred += rows.length;
      if (rows.length < 100) break;
    }
    let byClient = 0;
    for await (const rows of pagesOf((q, p) => client().listPayments(q, p), { mode: 'period', from: '2025-01-01', to: '2025-03-31' })) byClient += rows.length;
    const asked1000 = await raw(`${PERIOD}&pageSize=1000&page=0`);
    console.info(`FarPay contract: ${byHundred} records by pages of 100; a page of 1000 gave ${asked1000.length}; the client read ${byClient}`);
    expect(byClient).toBe(byHundred);
    expect(asked1000.length).toBe(Math.min(byHundred, 1000));
  });

  it('finds a refund through the invoice, and says which way the refundId filter points', async () => {
    let found: Record<string, unknown> | undefined;
    for (let page = 0; page < 50 && !found; page++) {
      const rows = await raw(`${PERIOD}&pageSize=100&page=${page}`);
      found = rows.find((r) => ['refund', 'minus', '2'].includes(String(r.PaymentSign).toLowerCase()));
      if (rows.length < 100) break;
    }
    if (!found) return console.info('FarPay contract: no refund in the period to look at');
    const ids = (rows: Array<Record<string, unknown>>) => rows.map((r) => r.PaymentId);
    expect(ids(await raw(`invoiceId=${String(found.InvoiceId)}`))).toContain(found.PaymentId);
    const byOwnId = ids(await raw(`refundId=${String(found.PaymentId)}`)).includes(found.PaymentId);
    const byRefundId = found.RefundId ? ids(await raw(`refundId=${String(found.RefundId)}`)).includes(found.PaymentId) : false;
    console.info(
      `FarPay contract: a refund's RefundId is ${String(found.RefundId)} (its own id ${String(found.PaymentId)}); ?refundId=<own id> finds it: ${byOwnId}; ?refundId=<its RefundId> finds it: ${byRefundId}`,
    );
    expect(byOwnId || byRefundId).toBe(true);
  });

  it('answers 400 to a period mixed with a look-up (sent raw: the client cannot)', async () => {
    const res = await fetch(`${t.apiUrl}/payments?paymentDateFrom=2025-01-01&invoiceId=1`, { headers: { 'X-API-KEY': t.apiKey, Accept: 'application/json' } });
    expect(res.status).toBe(400);
  });

  it('answers 401 with code 9000 for a bad key', async () => {
    const err = await client('not-a-key')
      .getPayment(1)
      .catch((e: unknown) => e);
    expect(isFarpayError(err) && [err.status, err.code]).toEqual([401, 9000]);
  });

  if (kind === 'sandbox') {
    describe('refunds (sandbox only: a real one moves money)', () => {
      it('refunds in parts, then the rest, and finds them through the invoice', async () => {
        const p = await sandbox.farpay.createPayment({ type: 'Visa', amountMinor: 12_550 });
        const part = await client().refund(p.PaymentId, 5_010);
        expect(part).toMatchObject({ sign: 'refund', paidMinor: -5_010, refundOf: p.PaymentId });
        const rest = await client().refund(p.PaymentId, null);
        expect(rest.paidMinor).toBe(-7_540);
        const original = await client().getPayment(p.PaymentId);
        expect((await client().refundsOf(original)).map((r) => r.paidMinor).sort()).toEqual([-7_540, -5_010].sort());
        const again = await client()
          .refund(p.PaymentId, 1)
          .catch((e: unknown) => e);
        expect(isFarpayError(again) && again.code).toBe(20012);
      });

      it('says 20050 for a Betalingsservice payment and 20014 for none', async () => {
        const bs = await sandbox.farpay.createPayment({ type: 'BS', amountMinor: 1_000 });
        const codes = await Promise.all([client().refund(bs.PaymentId, null), client().refund(99, null)].map((p) => p.catch((e: unknown) => e)));
        expect(codes.map((e) => isFarpayError(e) && e.code)).toEqual([20050, 20014]);
      });
    });
  }
});
