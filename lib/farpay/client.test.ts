import { describe, expect, it } from 'vitest';
import { json, refused, scriptedFetch, type Scripted } from '@/lib/provider-http/test-support';
import { createFarpayClient, queryOf } from './client';
import { isFarpayError, readFarpayErrorBody, type FarpayError } from './errors';

const row = (over: Record<string, unknown> = {}) => ({
  InvoiceId: 123,
  PaymentDate: '2023-01-15T10:30:00Z',
  ToBePaidAmount: 125.5,
  PaidAmount: 125.5,
  PaymentType: 'Visa',
  PaymentStatus: 'Paid',
  PaymentId: 456,
  RefundId: null,
  PaymentSign: 'Payment',
  PaymentInfo: 'Card payment processed',
  ErrorDesription: null,
  ...over,
});

function client(answers: Scripted[]) {
  const scripted = scriptedFetch(answers);
  const c = createFarpayClient({ apiUrl: 'http://farpay.test/v2', apiKey: 'k', fetch: scripted.fetch, sleep: async () => {}, timeoutMs: 50 });
  return { c, calls: scripted.calls };
}
const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => (isFarpayError(e) ? e : null),
  ) as Promise<FarpayError | null>;

describe('FarPay client', () => {
  it('maps every spelling of the sign, the bare date and ErrorDesription to the same app types', async () => {
    const { c } = client([
      json(200, [
        row(),
        row({ PaymentSign: 'Minus', PaidAmount: '-50.00', RefundId: 456, PaymentId: 789 }),
        row({ PaymentSign: 2, PaidAmount: 10, RefundId: 456, PaymentDate: '2023-01-16' }),
        row({ PaymentSign: 'Sideways', PaymentStatus: 'Processing', PaymentType: 'Amex', ErrorDesription: 'Card expired' }),
      ]),
    ]);
    const [pay, minus, two, odd] = await c.listPayments({ mode: 'lookup', invoiceId: 123 }, { page: 0, pageSize: 100 });
    expect(pay).toMatchObject({ id: 456, sign: 'payment', paidMinor: 12550, toBePaidMinor: 12550, refundOf: null, dateOnly: false });
    expect(minus).toMatchObject({ sign: 'refund', paidMinor: -5000, refundOf: 456 });
    expect(two).toMatchObject({ sign: 'refund', paidMinor: -1000, date: '2023-01-16', dateOnly: true });
    expect(odd).toMatchObject({ sign: 'unknown', signRaw: 'Sideways', status: 'Processing', type: 'Amex', error: 'Card expired' });
  });

  it('reads 204 as no payments, and sends the query of one mode only', async () => {
    const { c, calls } = client([new Response(null, { status: 204 })]);
    expect(await c.listPayments({ mode: 'period', from: '2025-01-01', to: '2025-01-31', type: 'BS' }, { page: 2, pageSize: 50 })).toEqual([]);
    expect(calls[0]?.url).toBe('http://farpay.test/v2/payments?paymentDateFrom=2025-01-01&paymentDateTo=2025-01-31&paymentType=BS&pageSize=50&page=2');
    expect(queryOf({ mode: 'lookup', reference: 'R-1', refundId: 9 }, { page: 0, pageSize: 1 })).toEqual({
      refundId: '9',
      paymentReference: 'R-1',
      pageSize: '1',
      page: '0',
    });
  });

  it('retries a read after a 502, never a refund', async () => {
    const { c, calls } = client([json(502, {}), json(200, row())]);
    expect((await c.getPayment(456)).id).toBe(456);
    expect(calls).toHaveLength(2);
    const refund = client([new Response('<html>502</html>', { status: 502 }), json(200, row())]);
    const err = await failure(refund.c.refund(456, 5000));
    expect(refund.calls).toHaveLength(1);
    expect(err?.fields.mayHaveActed).toBe(true);
    expect(JSON.parse(String(refund.calls[0]?.init?.body))).toEqual({ Amount: 50 });
  });

  it('knows a refund that timed out may have been made, and one never sent was not', async () => {
    expect((await failure(client(['hang']).c.refund(456, null)))?.fields.mayHaveActed).toBe(true);
    const notSent = client([refused(), json(200, row({ PaymentSign: 'Refund', RefundId: 456, PaidAmount: -125.5 }))]);
    expect((await notSent.c.refund(456, null)).paidMinor).toBe(-12550);
  });

  it('brands FarPay codes from every error shape', async () => {
    const psp = await failure(client([json(502, { error: '20040::PSP: 1001:Invalid card number', errorCode: 20040 })]).c.refund(1, 100));
    expect(psp?.fields).toMatchObject({ code: 20040, detail: 'PSP: 1001:Invalid card number', mayHaveActed: false });
    expect(readFarpayErrorBody({ Message: '20050:460::The amount is too high; at most: 12.50' })).toEqual({
      code: 20050,
      subCode: 460,
      detail: 'The amount is too high; at most: 12.50',
    });
    expect(readFarpayErrorBody({ Message: '9000::X-API-KEY is not authenticated' })).toMatchObject({ code: 9000 });
    expect(readFarpayErrorBody({ Message: 'Oops', CorrelationId: 'c', Details: ['a'] })).toEqual({ detail: 'Oops' });
    expect(readFarpayErrorBody('nope')).toEqual({});
  });

  it('refuses an amount that is not a 2-decimal amount as an invalid answer', async () => {
    const err = await failure(client([json(200, row({ PaidAmount: '12.345' }))]).c.getPayment(456));
    expect(err?.kind).toBe('invalid_response');
  });
});
