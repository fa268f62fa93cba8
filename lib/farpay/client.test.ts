import { describe, expect, it } from 'vitest';
import { json, refused, scriptedFetch, type Scripted } from '@/test/support/provider-http-fakes';
import { createFarpayClient, queryOf } from './client';
import { pagesOf } from './paging';
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
    expect(readFarpayErrorBody({ Message: 'Oops', CorrelationId: 'c', Details: ['a'] })).toEqual({ detail: 'Oops (a)', correlationId: 'c' });
    // FarPay/ApiDoc's documented shape: codes and key/value pairs kept, readable.
    expect(
      readFarpayErrorBody({
        Message: '20050::Payment is not refundable',
        CorrelationId: '4f1c-9',
        Details: [{ Code: 'Validation', Message: 'Amount too high', Details: [{ Key: 'MaxAmount', Value: '12.50' }] }],
      }),
    ).toEqual({ code: 20050, detail: 'Payment is not refundable (Validation: Amount too high (MaxAmount=12.50))', correlationId: '4f1c-9' });
    expect(readFarpayErrorBody({ Message: '', Details: [{ Code: 9, Message: 'x', Details: 'nope' }, 42, null] })).toEqual({ detail: '9: x' });
    expect(readFarpayErrorBody('nope')).toEqual({});
  });

  it('refuses an amount that is not a 2-decimal amount as an invalid answer', async () => {
    const err = await failure(client([json(200, row({ PaidAmount: '12.345' }))]).c.getPayment(456));
    expect(err?.kind).toBe('invalid_response');
  });
});

describe('FarPay records read either way', () => {
  it('keeps RefundId as sent, a refund naming itself refunds nothing known, and the currency when given', async () => {
    const { c } = client([
      json(200, [
        row({ PaymentId: 456, RefundId: 790, Currency: 'eur' }),
        row({ PaymentId: 790, PaymentSign: 'Refund', PaidAmount: -10, RefundId: 790 }),
        row({ PaymentId: 789, PaymentSign: 'Refund', PaidAmount: -20, RefundId: 456 }),
      ]),
    ]);
    const [pay, self, named] = await c.listPayments({ mode: 'lookup', invoiceId: 123 }, { page: 0, pageSize: 100 });
    expect(pay).toMatchObject({ refundIdRaw: 790, refundOf: null, currency: 'EUR' });
    expect(self).toMatchObject({ refundIdRaw: 790, refundOf: null, currency: null });
    expect(named).toMatchObject({ refundIdRaw: 456, refundOf: 456 });
  });

  it('finds a payment’s refunds through its invoice under both readings, not those of another payment of the invoice', async () => {
    const records = [
      row({ PaymentId: 456, RefundId: 791 }),
      row({ PaymentId: 500, PaymentStatus: 'PaymentFailed', PaidAmount: 0 }),
      row({ PaymentId: 790, PaymentSign: 'Refund', PaidAmount: -10, RefundId: 456 }),
      row({ PaymentId: 791, PaymentSign: 'Minus', PaidAmount: -5, RefundId: 791 }),
      row({ PaymentId: 792, PaymentSign: 2, PaidAmount: -1, RefundId: 500 }),
    ];
    const calls: string[] = [];
    const fetch = async (input: string | URL | Request) => {
      const url = new URL(String(input));
      calls.push(url.searchParams.toString().replace(/&pageSize.*/, ''));
      return url.searchParams.get('invoiceId') === '123' && url.searchParams.get('page') === '0' ? json(200, records) : new Response(null, { status: 204 });
    };
    const c = createFarpayClient({ apiUrl: 'http://farpay.test/v2', apiKey: 'k', fetch, sleep: async () => {} });
    const original = { id: 456, invoiceId: 123, refundIdRaw: 791 };
    expect((await c.refundsOf(original)).map((r) => [r.id, r.paidMinor, r.refundOf])).toEqual([
      [790, -1_000, 456],
      [791, -500, 456],
    ]);
    expect(calls.sort()).toEqual(['invoiceId=123', 'invoiceId=123', 'refundId=456', 'refundId=791']);
  });
});

describe('FarPay paging', () => {
  const rows = (n: number, from = 0) => Array.from({ length: n }, (_, i) => row({ PaymentId: 10_000 + from + i }));
  /** A FarPay that serves at most `cap` a page (silently), optionally a 400 above `max`, over `total` records. */
  function farpayOf(total: number, opts: { cap?: number; max?: number } = {}) {
    const asked: string[] = [];
    const fetch = async (input: string | URL | Request) => {
      const url = new URL(String(input));
      const size = Number(url.searchParams.get('pageSize'));
      const page = Number(url.searchParams.get('page'));
      asked.push(`${size}@${page}`);
      if (opts.max && size > opts.max) return json(400, { error: `pageSize must be at most ${opts.max}` });
      const served = Math.min(size, opts.cap ?? size);
      const n = Math.max(0, Math.min(served, total - page * served));
      return n === 0 ? new Response(null, { status: 204 }) : json(200, rows(n, page * served));
    };
    const c = createFarpayClient({ apiUrl: 'http://farpay.test/v2', apiKey: 'k', fetch, sleep: async () => {} });
    return { c, asked };
  }
  const readAll = async (c: ReturnType<typeof createFarpayClient>) => {
    const ids: number[] = [];
    for await (const page of pagesOf((q, p) => c.listPayments(q, p), { mode: 'period', from: '2025-01-01', to: '2025-12-31' }))
      ids.push(...page.map((r) => r.id));
    return ids;
  };

  it('reads every record when FarPay silently caps pages (100, 250, 1), each once', async () => {
    for (const cap of [100, 250, 1]) {
      const { c } = farpayOf(1_234, { cap });
      const ids = await readAll(c);
      expect(ids, `cap ${cap}`).toHaveLength(1_234);
      expect(new Set(ids).size).toBe(1_234);
    }
  });

  it('asks 1000; a full page proves it (two asked ahead) and a short page then ends; a short first page goes on until an empty one', async () => {
    const full = farpayOf(2_500);
    expect(await readAll(full.c)).toHaveLength(2_500);
    // A full first page: two pages asked ahead, so one past the end (204).
    expect(full.asked).toEqual(['1000@0', '1000@1', '1000@2', '1000@3']);
    const small = farpayOf(57);
    expect(await readAll(small.c)).toHaveLength(57);
    expect(small.asked).toEqual(['1000@0', '57@1']);
    const none = farpayOf(0);
    expect(await readAll(none.c)).toEqual([]);
    expect(none.asked).toEqual(['1000@0']);
  });

  it('asks the documented 100 after a 400 for a larger page', async () => {
    const { c, asked } = farpayOf(250, { max: 100 });
    expect(await readAll(c)).toHaveLength(250);
    expect(asked).toEqual(['1000@0', '100@0', '100@1', '100@2', '100@3']);
  });
});
