import { audit } from '@/lib/audit';
import type { Db } from '@/lib/db/connect';
import { AUDIT_CSV_START, auditCsvLine } from './csv';
import type { AuditFilters } from './filters';
import { auditRowsInBatches } from './query';

export type AuditExport = { filename: string; body: ReadableStream<Uint8Array> };

/**
 * The CSV of every audit row matching `filters`, newest first, streamed batch by batch (memory
 * stays flat for a million rows). The export is itself audited, before the first byte, with
 * the filters it used: who took a copy of the log is part of the log.
 */
export async function exportAuditCsv(db: Db, filters: AuditFilters, by: { actor: string; ip: string | null }, now = new Date()): Promise<AuditExport> {
  await audit(db, { actor: by.actor, action: 'audit.exported', details: { filters }, ip: by.ip });
  const encoder = new TextEncoder();
  const batches = auditRowsInBatches(db, filters);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(AUDIT_CSV_START));
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value.map(auditCsvLine).join('')));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  return { filename: `audit-log-${now.toISOString().slice(0, 10)}.csv`, body };
}
