import type { AuditRow } from '@/lib/staff/audit/query';

/** The export's columns, in order. */
export const AUDIT_CSV_HEADER = ['seq', 'id', 'at_utc', 'at_copenhagen', 'actor', 'action', 'account', 'subject', 'ip', 'details'] as const;

/**
 * One CSV cell: always quoted (quotes doubled), and a value a spreadsheet would run as a formula
 * (starting with = + - @, or a tab or carriage return before one) gets a leading apostrophe, as
 * OWASP's CSV-injection advice says.
 */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replaceAll('"', '""')}"`;
}

export function csvLine(cells: (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

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
