import type { AuditRow } from '@/lib/staff/audit/query';
import { csvLine } from '@/lib/text/csv';

/** The export's columns, in order. */
const AUDIT_CSV_HEADER = ['seq', 'id', 'at_utc', 'at_copenhagen', 'actor', 'action', 'account', 'subject', 'ip', 'details'] as const;

const copenhagen = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** One row as a CSV line, in the order of AUDIT_CSV_HEADER. */
export function auditCsvLine(row: AuditRow): string {
  return csvLine([
    row.seq,
    row.id,
    row.at.toISOString(),
    copenhagen.format(row.at),
    row.actor,
    row.action,
    row.accountCode,
    row.subject,
    row.ip,
    JSON.stringify(row.details),
  ]);
}

/** The first bytes of the file: a byte-order mark (so a spreadsheet reads æøå as UTF-8) and the header. */
export const AUDIT_CSV_START = `\uFEFF${csvLine([...AUDIT_CSV_HEADER])}`;
