import { createProviderHttp, type ProviderClientTuning } from '@/lib/provider-http';
import type { PageRequest, Payment, PaymentQuery } from '@/lib/domain/payments';
import { FarpayError, toFarpayError } from './errors';
import { toPayment } from './map';
import { toDecimal } from './money';
import { pagesOf } from './paging';
import { farpayPaymentListWire, farpayPaymentWire, type FarpayRefundBody } from './wire';

/** Per attempt 15 000 ms by default; a read is retried twice, a refund never unless FarPay surely got nothing. */
export type FarpayClientConfig = { apiUrl: string; apiKey: string } & ProviderClientTuning;

/** FarPay's records as Payments; an amount that is not one is FarPay's invalid answer, branded. */
function mapped<T>(map: () => T): T {
  try {
    return map();
  } catch (err) {
    if (err instanceof Error && !('kind' in err)) throw new FarpayError('invalid_response', 502, err.message, { mayHaveActed: false }, { cause: err });
    throw err;
  }
}

function idOf(id: number): string {
  if (!Number.isSafeInteger(id) || id <= 0) throw new FarpayError('invalid_request', 400, `not a FarPay payment id: ${id}`, { mayHaveActed: false });
  return String(id);
}

/** The listing's query string: a period or a look-up (the type allows nothing else), then paging. */
export function queryOf(q: PaymentQuery, page: PageRequest): Record<string, string> {
  const out: Record<string, string> = {};
  if (q.mode === 'period') {
    out.paymentDateFrom = q.from;
    out.paymentDateTo = q.to;
  } else {
    if (q.invoiceId !== undefined) out.invoiceId = String(q.invoiceId);
    if (q.refundId !== undefined) out.refundId = String(q.refundId);
    if (q.reference !== undefined) out.paymentReference = q.reference;
  }
  if (q.type) out.paymentType = q.type;
  out.pageSize = String(page.pageSize);
  out.page = String(page.page);
  return out;
}

/** FarPay API v2 payments and refunds (seeds/003) on the provider-http core. */
export function createFarpayClient(config: FarpayClientConfig) {
  const http = createProviderHttp({
    provider: 'farpay',
    baseUrl: config.apiUrl,
    headers: { 'X-API-KEY': config.apiKey },
    toError: toFarpayError,
    timeoutMs: config.timeoutMs ?? 15_000,
    maxRetries: config.maxRetries ?? 2,
    fetch: config.fetch,
    sleep: config.sleep,
    random: config.random,
  });

  /** One page, newest first; FarPay gives no total (see paging.ts for reading every page). */
  const listPage = async (q: PaymentQuery, page: PageRequest, signal?: AbortSignal): Promise<Payment[]> => {
    const rows = await http.request({
      method: 'GET',
      path: 'payments',
      query: queryOf(q, page),
      schema: farpayPaymentListWire,
      operation: 'GET /payments',
      idempotent: true,
      signal,
    });
    return mapped(() => rows.map(toPayment));
  };
  return {
    listPayments: listPage,
    getPayment: async (id: number): Promise<Payment> => {
      const row = await http.request({
        method: 'GET',
        path: `payments/${idOf(id)}`,
        schema: farpayPaymentWire,
        operation: 'GET /payments/{id}',
        idempotent: true,
      });
      return mapped(() => toPayment(row));
    },
    /**
     * Every refund record of a payment, whichever way FarPay's `RefundId` points (PROVIDERS.md:
     * its documents disagree): all records of the payment's invoice (both readings' refund
     * records carry it), kept when they refund this payment. A refund is this payment's when its
     * RefundId names this payment (seeds/003's refund response), or this payment's RefundId names
     * it (FarPay/ApiDoc's reading), or it names no other payment of the invoice: a refund counted
     * here when in doubt makes less refundable, never more. The `refundId` filter is asked both
     * ways as well (in parallel), should a refund record ever lack the invoice.
     */
    refundsOf: async (payment: Pick<Payment, 'id' | 'invoiceId' | 'refundIdRaw'>): Promise<Payment[]> => {
      idOf(payment.id);
      const queries: PaymentQuery[] = [
        ...(payment.invoiceId !== null ? [{ mode: 'lookup' as const, invoiceId: payment.invoiceId }] : []),
        { mode: 'lookup', refundId: payment.id },
        ...(payment.refundIdRaw ? [{ mode: 'lookup' as const, refundId: payment.refundIdRaw }] : []),
      ];
      const seen = new Map<number, Payment>();
      const readAll = async (q: PaymentQuery) => {
        for await (const rows of pagesOf(listPage, q)) for (const r of rows) seen.set(r.id, r);
      };
      await Promise.all(queries.map(readAll));
      const records = [...seen.values()];
      const others = new Set(records.filter((r) => r.sign === 'payment' && r.id !== payment.id).map((r) => r.id));
      return records
        .filter((r) => r.sign === 'refund' && r.id !== payment.id)
        .filter((r) => r.refundOf === payment.id || payment.refundIdRaw === r.id || r.refundOf === null || !others.has(r.refundOf))
        .map((r) => ({ ...r, refundOf: payment.id }))
        .sort((a, b) => a.id - b.id);
    },
    /** A refund (null = full). Never blindly retried: FarPay has no idempotency key. */
    refund: async (paymentId: number, amountMinor: number | null): Promise<Payment> => {
      const body: FarpayRefundBody = amountMinor === null ? {} : { Amount: Number(toDecimal(amountMinor)) };
      const answer = await http.request({
        method: 'POST',
        path: `payments/${idOf(paymentId)}/refund`,
        body,
        schema: farpayPaymentWire,
        operation: 'POST /payments/{id}/refund',
        idempotent: false,
      });
      // A refund FarPay made but described oddly is still made: the caller must not take it for a failure.
      try {
        return toPayment(answer);
      } catch (err) {
        throw new FarpayError('invalid_response', 502, (err as Error).message, { mayHaveActed: true }, { cause: err });
      }
    },
  };
}

export type FarpayClient = ReturnType<typeof createFarpayClient>;
