import { toDecimal } from '@/lib/farpay/money';
import { eachPage, type PaymentsReader } from './pages';
import type { Payment, PaymentQuery } from '@/lib/domain/payments';
import { csvCell } from '@/lib/text/csv';

export const CSV_HEADER = [
  'PaymentId',
  'PaymentDate',
  'InvoiceId',
  'PaymentType',
  'PaymentStatus',
  'PaymentSign',
  'ToBePaidAmount',
  'PaidAmount',
  'Currency',
  'RefundId',
  'ErrorDescription',
  'PaymentInfo',
];

/** One CSV field: quoted when it must be, and a leading =, +, -, @ neutralised (no formula runs in a spreadsheet). */
export function csvField(value: string | number | null | { amount: string }): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value); // ids: digits only
  if (typeof value === 'object') return value.amount; // "-50.00": ours, digits only
  return csvCell(value, 'as-needed');
}

/** One payment as a CSV line, in CSV_HEADER's order (written out: it runs once per exported record). */
export function csvLine(p: Payment): string {
  const sign = p.sign === 'unknown' ? p.signRaw : p.sign === 'payment' ? 'Payment' : 'Refund';
  return (
    `${p.id},${csvField(p.date)},${csvField(p.invoiceId)},${csvField(p.type)},${csvField(p.status)},${csvField(sign)},` +
    `${toDecimal(p.toBePaidMinor)},${toDecimal(p.paidMinor)},${csvField(p.currency)},${csvField(p.refundIdRaw)},${csvField(p.error)},${csvField(p.info)}`
  );
}

/**
 * The CSV of a period or a look-up, streamed page by page from FarPay: the header, then each
 * page's lines as one chunk (a page the status filter leaves empty adds nothing). Only the
 * current page is ever held. `status` is filtered here, as on the payments page (FarPay has no
 * such filter).
 */
export async function* csvChunks(farpay: PaymentsReader, query: PaymentQuery, signal?: AbortSignal, status?: string): AsyncGenerator<string> {
  yield `${CSV_HEADER.join(',')}\r\n`;
  for await (const rows of eachPage(farpay, query, { signal })) {
    const kept = status ? rows.filter((r) => r.status === status) : rows;
    if (kept.length > 0) yield `${kept.map(csvLine).join('\r\n')}\r\n`;
  }
}
