import { audit } from '@/lib/audit';
import type { Db } from '@/lib/db/connect';
import { csvChunks } from './csv';
import type { PaymentFilters } from './filters';
import type { PaymentsReader } from './pages';

export type PaymentsExport = { filename: string; body: ReadableStream<Uint8Array> };

/**
 * The payments of a view (a period or a look-up, with its type and status) as CSV, streamed page
 * by page from FarPay: FarPay is asked for the next page only when the reader has taken this one,
 * so a year costs no memory. The export is audited with the filters it used, before the first byte.
 */
export async function exportPaymentsCsv(
  deps: { db: Db; farpay: PaymentsReader },
  filters: Pick<PaymentFilters, 'query' | 'status'>,
  by: { actor: string; ip: string | null },
  signal?: AbortSignal,
): Promise<PaymentsExport> {
  const { query, status } = filters;
  await audit(deps.db, { actor: by.actor, action: 'farpay.export', subject: 'farpay-payments', details: auditDetails(filters), ip: by.ip });
  const chunks = csvChunks(deps.farpay, query, signal, status);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (err) {
        controller.error(err);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return { filename: filenameOf(filters), body };
}

/** What the audit entry records: a period as it always has (from, to, type), plus a status or the look-up's ids when set. */
function auditDetails({ query: q, status }: Pick<PaymentFilters, 'query' | 'status'>): Record<string, string | number | null> {
  if (q.mode === 'period') return { from: q.from, to: q.to, type: q.type ?? null, ...(status ? { status } : {}) };
  return { mode: 'lookup', invoiceId: q.invoiceId ?? null, refundId: q.refundId ?? null, reference: q.reference ?? null, type: q.type ?? null };
}

function filenameOf({ query: q, status }: Pick<PaymentFilters, 'query' | 'status'>): string {
  const type = q.type ? `-${q.type}` : '';
  if (q.mode === 'period') return `farpay-payments-${q.from}-${q.to}${type}${status ? `-${status}` : ''}.csv`;
  const ids = [q.invoiceId !== undefined ? `invoice-${q.invoiceId}` : '', q.refundId !== undefined ? `refund-${q.refundId}` : ''].filter(Boolean).join('-');
  return `farpay-payments-lookup${ids ? `-${ids}` : ''}${type}.csv`;
}
