import type { FarpayClient } from '@/lib/farpay/client';
import { isFarpayError } from '@/lib/farpay/errors';
import { invoiceHref, paymentHref, type SearchGroup } from './hits';

export type PaymentSearchDeps = { farpay: Pick<FarpayClient, 'getPayment' | 'listPayments'> };

/** How many of an invoice's payments are read to count them ("50 or more" past it). */
const INVOICE_PAGE = 50;

/** A FarPay payment by its id (FarPay's 404 or 20014 is "none"). */
export async function findPayment(deps: PaymentSearchDeps, id: number): Promise<SearchGroup> {
  try {
    const payment = await deps.farpay.getPayment(id);
    return { kind: 'payment', truncated: false, hits: [{ kind: 'payment', href: paymentHref(payment.id), exact: true, payment }] };
  } catch (err) {
    if (isFarpayError(err) && (err.code === 20014 || err.status === 404)) return { kind: 'payment', hits: [], truncated: false };
    throw err;
  }
}

/** An invoice's payments (FarPay's `invoiceId` look-up, one page): the invoice is found when it has any. */
export async function findInvoice(deps: PaymentSearchDeps, invoiceId: number): Promise<SearchGroup> {
  const rows = await deps.farpay.listPayments({ mode: 'lookup', invoiceId }, { page: 0, pageSize: INVOICE_PAGE });
  if (rows.length === 0) return { kind: 'invoice', hits: [], truncated: false };
  return {
    kind: 'invoice',
    truncated: false,
    hits: [{ kind: 'invoice', href: invoiceHref(invoiceId), exact: true, invoiceId, payments: rows.length, more: rows.length === INVOICE_PAGE }],
  };
}
