import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type RunningServer } from '../http';
import { CARD_TYPES, PAYMENT_STATUSES, PAYMENT_TYPES } from './data';
import { createFarpayEmulator, UNAUTHENTICATED } from './emulator';

const KEY = 'test-key';
let server: RunningServer;
const emulator = createFarpayEmulator({ apiKey: KEY, size: 2000 });

beforeAll(async () => void (server = await serve(emulator, 0)));
afterAll(async () => server.close());

type Row = Record<string, unknown> & { PaymentId: number; PaidAmount: number; PaymentType: string; PaymentStatus: string; PaymentSign: string };
const get = (path: string, key = KEY) => fetch(`${server.url}${path}`, { headers: { 'X-API-KEY': key } });
const list = async (query: string): Promise<Row[]> => {
  const res = await get(`/v2/payments?${query}`);
  return res.status === 204 ? [] : ((await res.json()) as Row[]);
};
const refund = (id: number, body: string) =>
  fetch(`${server.url}/v2/payments/${id}/refund`, { method: 'POST', headers: { 'X-API-KEY': KEY, 'Content-Type': 'application/json' }, body });
const create = async (type: string, status = 'Paid', amountMinor = 12_550): Promise<number> => {
  const res = await fetch(`${server.url}/__sandbox/payments`, { method: 'POST', body: JSON.stringify({ type, status, amountMinor }) });
  return ((await res.json()) as Row).PaymentId;
};

describe('FarPay emulator', () => {
  it('answers 401 in FarPay words without the right X-API-KEY', async () => {
    for (const key of ['', 'wrong']) {
      const res = await get('/v2/payments', key);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual(UNAUTHENTICATED);
    }
  });

  it('refuses a date range mixed with a look-up (400), and bad parameters', async () => {
    for (const q of ['paymentDateFrom=2025-01-01&invoiceId=1', 'paymentDateTo=2025-02-01&refundId=1', 'paymentDateFrom=2025-01-01&paymentReference=x']) {
      const res = await get(`/v2/payments?${q}`);
      expect(res.status).toBe(400);
      expect(String(((await res.json()) as { error: string }).error)).toMatch(/either/);
    }
    for (const q of ['pageSize=0', 'pageSize=abc', 'page=-1', 'paymentDateFrom=2025-02-30', 'paymentType=Amex', 'invoiceId=1&invoiceId=2']) {
      expect((await get(`/v2/payments?${q}`)).status, q).toBe(400);
    }
  });

  it('pages a period newest first, 100 by default, a bare array, 204 past the end', async () => {
    const first = await list('paymentDateFrom=2025-01-01&paymentDateTo=2025-12-31');
    expect(first).toHaveLength(100);
    const dates = first.map((r) => String(r.PaymentDate));
    expect([...dates].sort().reverse()).toEqual(dates);
    const pages = [];
    for (let p = 0; ; p++) {
      const rows = await list(`paymentDateFrom=2025-01-01&paymentDateTo=2025-12-31&pageSize=300&page=${p}`);
      if (rows.length === 0) break;
      pages.push(...rows);
    }
    expect(pages).toHaveLength(2000);
    expect(new Set(pages.map((r) => r.PaymentId)).size).toBe(2000);
    expect(new Set(pages.map((r) => r.PaymentType))).toEqual(new Set(PAYMENT_TYPES));
    expect(new Set(pages.map((r) => r.PaymentStatus))).toEqual(new Set(PAYMENT_STATUSES));
    expect(pages.some((r) => r.PaymentSign === 'Refund' && r.PaidAmount < 0)).toBe(true);
    expect(pages.some((r) => r.PaymentStatus === 'PaymentFailed' && typeof r.ErrorDesription === 'string')).toBe(true);
    expect((await get('/v2/payments?paymentDateFrom=2020-01-01&paymentDateTo=2020-01-31')).status).toBe(204);
  });

  it('filters by type across pages and sums to its own totals', async () => {
    const visa: Row[] = [];
    for (let p = 0; ; p++) {
      const rows = await list(`paymentDateFrom=2025-03-01&paymentDateTo=2025-05-31&paymentType=Visa&pageSize=7&page=${p}`);
      if (rows.length === 0) break;
      visa.push(...rows);
    }
    expect(visa.every((r) => r.PaymentType === 'Visa')).toBe(true);
    const totals = (await (await fetch(`${server.url}/__sandbox/totals?from=2025-03-01&to=2025-05-31`)).json()) as {
      byType: Record<string, { count: number }>;
    };
    expect(visa).toHaveLength(totals.byType.Visa?.count ?? -1);
  });

  it('refunds a card payment in parts, then refuses more than what remains', async () => {
    const id = await create('Visa', 'Paid', 12_550);
    const part = await refund(id, '{"Amount": 50.00}');
    expect(part.status).toBe(200);
    expect(await part.json()).toMatchObject({ PaymentSign: 'Refund', PaidAmount: -50, RefundId: id, ToBePaidAmount: 125.5 });
    const tooMuch = await refund(id, '{"Amount": 75.51}');
    expect(tooMuch.status).toBe(400);
    expect(await tooMuch.json()).toMatchObject({ errorCode: 20012 });
    expect((await refund(id, '{"Amount": 1.005}')).status).toBe(400);
    expect((await refund(id, '{"Amount": 0}')).status).toBe(400);
    const rest = await refund(id, '{}');
    expect(await rest.json()).toMatchObject({ PaidAmount: -75.5 });
    expect(await (await refund(id, '{}')).json()).toMatchObject({ errorCode: 20012 });
    expect((await list(`refundId=${id}`)).map((r) => r.PaidAmount)).toEqual([-75.5, -50]);
  });

  it('answers 20050, 20013, 20014 and an injected 20040', async () => {
    expect(await (await refund(await create('BS'), '{}')).json()).toMatchObject({ errorCode: 20050 });
    expect(await (await refund(await create('Dankort', 'PaymentFailed'), '{}')).json()).toMatchObject({ errorCode: 20013 });
    const missing = await refund(99, '{}');
    expect([missing.status, await missing.json()]).toEqual([404, { error: 'Payment was not found', errorCode: 20014 }]);
    const id = await create(CARD_TYPES[1]);
    await fetch(`${server.url}/__sandbox/payments/${id}/faults`, { method: 'POST', body: JSON.stringify({ pspError: 'PSP: 1001:Invalid card number' }) });
    const psp = await refund(id, '{}');
    expect([psp.status, await psp.json()]).toEqual([502, { error: '20040::PSP: 1001:Invalid card number', errorCode: 20040 }]);
    expect(await list(`refundId=${id}`)).toEqual([]);
  });

  const settings = (patch: Record<string, unknown>) => fetch(`${server.url}/__sandbox/settings`, { method: 'POST', body: JSON.stringify(patch) });

  it('pages as asked by default; a silent cap cuts pages (page counts in the cap); pageSizeMax answers 400 above it', async () => {
    const period = 'paymentDateFrom=2025-01-01&paymentDateTo=2025-12-31';
    expect(await list(`${period}&pageSize=1500`)).toHaveLength(1500);
    try {
      await settings({ pageCap: 100 });
      const capped = await list(`${period}&pageSize=1000&page=1`);
      expect(capped).toHaveLength(100);
      expect(capped[0]?.PaymentId).toBe((await list(`${period}&pageSize=100&page=1`))[0]?.PaymentId);
      await settings({ pageCap: null, pageSizeMax: 100 });
      expect((await get(`/v2/payments?${period}&pageSize=101`)).status).toBe(400);
      expect(await list(`${period}&pageSize=100`)).toHaveLength(100);
    } finally {
      await settings({ pageCap: null, pageSizeMax: null });
    }
  });

  it('points RefundId at the original (seeds/003’s answer) or at the refund (its filter example, ApiDoc), filtering alike', async () => {
    const id = await create('Visa');
    const made = (await (await refund(id, '{"Amount": 10}')).json()) as Row;
    expect(made.RefundId).toBe(id);
    expect((await list(`refundId=${id}`)).map((r) => r.PaymentId)).toEqual([made.PaymentId]);
    try {
      await settings({ refundIdPointsAt: 'refund' });
      const original = (await (await get(`/v2/payments/${id}`)).json()) as Row;
      expect(original.RefundId).toBe(made.PaymentId);
      expect(await list(`refundId=${id}`)).toEqual([]);
      expect(new Set((await list(`refundId=${made.PaymentId}`)).map((r) => r.PaymentId))).toEqual(new Set([id, made.PaymentId]));
      // Both readings' refund records carry the original's InvoiceId.
      const invoice = (await list(`invoiceId=${String(original.InvoiceId)}`)).map((r) => r.PaymentId);
      expect(invoice).toEqual(expect.arrayContaining([id, made.PaymentId]));
    } finally {
      await settings({ refundIdPointsAt: 'original' });
    }
  });

  it('gives refunds the status switched to; an Error refund leaves the amount refundable', async () => {
    const id = await create('Visa', 'Paid', 1_000);
    try {
      await settings({ refundStatus: 'Error' });
      expect(await (await refund(id, '{}')).json()).toMatchObject({ PaymentStatus: 'Error', PaidAmount: -10 });
      await settings({ refundStatus: 'New' });
      expect(await (await refund(id, '{}')).json()).toMatchObject({ PaymentStatus: 'New', PaidAmount: -10 });
      expect(await (await refund(id, '{}')).json()).toMatchObject({ errorCode: 20012 });
    } finally {
      await settings({ refundStatus: 'Paid' });
    }
  });

  it('spells types as the webhook pages do, sends a Currency when switched on, and FarPay/ApiDoc’s error details', async () => {
    const dankort = await create('Dankort');
    const mp = await create('MobilePayRecurring');
    try {
      await settings({ typeSpelling: 'webhook', currency: 'mixed', errorBody: 'message-details' });
      const row = (await (await get(`/v2/payments/${dankort}`)).json()) as Row;
      expect(row.PaymentType).toBe('DanKort');
      expect(['DKK', 'EUR']).toContain(row.Currency);
      expect(((await (await get(`/v2/payments/${mp}`)).json()) as Row).PaymentType).toBe('MobilePayRecurring');
      expect(await (await refund(dankort, '{"Amount": 1}')).json()).toMatchObject({ PaymentSign: 'Refund' });
      const err = (await (await refund(mp, '{}')).json()) as {
        Details: Array<{ Code: string; Message: string; Details: Array<{ Key: string; Value: string }> }>;
      };
      expect(err.Details[0]).toMatchObject({
        Code: '20050',
        Message: 'Payment is not refundable',
        Details: [{ Key: expect.any(String), Value: expect.any(String) }],
      });
    } finally {
      await settings({ typeSpelling: 'seed', currency: 'none', errorBody: 'seed' });
    }
  });

  it('holds a million payments lazily: the last page is quick', async () => {
    await fetch(`${server.url}/__sandbox/settings`, { method: 'POST', body: JSON.stringify({ size: 1_000_000 }) });
    try {
      const rows = await list('paymentDateFrom=2025-01-01&paymentDateTo=2025-12-31&pageSize=1000&page=999');
      expect(rows).toHaveLength(1000);
      expect(rows.at(-1)?.PaymentId).toBe(1_000_000);
    } finally {
      await fetch(`${server.url}/__sandbox/settings`, { method: 'POST', body: JSON.stringify({ size: 2000 }) });
    }
  });
});
