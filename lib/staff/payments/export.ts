import { audit } from '@/lib/audit';
import type { Db } from '@/lib/db/connect';
import { csvChunks } from './csv';
import type { PaymentsReader } from './pages';

export type PaymentsExport = { filename: string; body: ReadableStream<Uint8Array> };

/**
 * A period's payments as CSV, streamed page by page from FarPay: FarPay is asked for the next
 * page only when the reader has taken this one, so a year costs no memory. The export is
 * audited with the filters it used, before the first byte.
 */
export async function exportPaymentsCsv(
  deps: { db: Db; farpay: PaymentsReader },
  period: { from: string; to: string; type?: string },
  by: { actor: string; ip: string | null },
  signal?: AbortSignal,
): Promise<PaymentsExport> {
  const { from, to, type } = period;
  await audit(deps.db, { actor: by.actor, action: 'farpay.export', subject: 'farpay-payments', details: { from, to, type: type ?? null }, ip: by.ip });
  const chunks = csvChunks(deps.farpay, { from, to, type }, signal);
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
  return { filename: `farpay-payments-${from}-${to}${type ? `-${type}` : ''}.csv`, body };
}
