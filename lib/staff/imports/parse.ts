import type { PortalGateway } from '@/lib/domain/cards';

/**
 * The card import file (issue 27): a CSV whose header names the columns `account`, `gateway` and
 * `token` (in any order, any case; other columns are ignored), one card a line. Comma or semicolon separated (a Danish
 * spreadsheet saves with `;`: the header line decides), cells may be quoted ("…", "" inside),
 * a byte-order mark and Windows or old Mac line endings are accepted, blank lines skipped.
 *
 * Pure: no database, no provider. The FILE is refused (nothing is checked, nothing queued) when it
 * is too large, has too many rows, is not UTF-8 text, or when a line is malformed, naming the first
 * bad line; a cell that a spreadsheet would run as a formula (= + - @ first) refuses the file too,
 * since none of the three columns ever starts so and such a file went through a spreadsheet that may
 * have changed it. A ROW whose values are wrong (an unknown gateway, a token that does not fit it,
 * a row repeated) is reported on its own line by the dry run, and the others go on.
 */
export const IMPORT_MAX_BYTES = 1_000_000;
export const IMPORT_MAX_ROWS = 10_000;
const IMPORT_COLUMNS = ['account', 'gateway', 'token'] as const;
const IMPORT_GATEWAYS: readonly PortalGateway[] = ['stripe_new', 'quickpay'];

/** A data row as read: its line in the file (1 is the header) and its three cells, trimmed. */
export type ImportLine = { line: number; account: string; gateway: string; token: string };

/** Why the whole file is refused; `line` is the first bad line (1-based) where there is one. */
export type FileRefusal =
  | { kind: 'too-large'; maxBytes: number }
  | { kind: 'too-many-rows'; maxRows: number }
  | { kind: 'not-text' }
  | { kind: 'empty' }
  | { kind: 'header'; line: 1 }
  | { kind: 'columns'; line: number; found: number }
  | { kind: 'quotes'; line: number }
  | { kind: 'formula'; line: number; cell: string };

export type ParsedFile = { ok: true; lines: ImportLine[] } | { ok: false; refusal: FileRefusal };

/** Why one row would not be imported, before anything is asked of a provider. */
export type RowProblem = 'account-format' | 'gateway' | 'token-format' | 'duplicate';

const FORMULA = /^[=+\-@\t\r]/;
const ACCOUNT_CODE = /^(?!\.{1,2}$)[A-Za-z0-9_.-]{1,64}$/;
/** Stripe's object ids: a prefix and letters and digits. */
const STRIPE_PM = /^pm_[A-Za-z0-9]{1,250}$/;
/** QuickPay's ids are integers. */
const QUICKPAY_ID = /^[1-9][0-9]{0,17}$/;

/** The file's bytes (or its text) as import lines, or why the file is refused. */
export function parseImportFile(input: Uint8Array | string): ParsedFile {
  const size = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength;
  if (size > IMPORT_MAX_BYTES) return refuse({ kind: 'too-large', maxBytes: IMPORT_MAX_BYTES });
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      return refuse({ kind: 'not-text' });
    }
  }
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  // NUL and other control characters (a tab aside) never appear in a text CSV: garbage, or a binary file.
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text) || !text.isWellFormed()) return refuse({ kind: 'not-text' });
  const raw = text.split(/\r\n|\r|\n/);
  const headerAt = raw.findIndex((l) => l.trim() !== '');
  if (headerAt < 0) return refuse({ kind: 'empty' });
  const headerLine = raw[headerAt] ?? '';
  const separator = headerLine.includes(',') || !headerLine.includes(';') ? ',' : ';';
  const header = splitLine(headerLine, separator);
  const names = header?.map((h) => h.trim().toLowerCase());
  // Other columns are read past (the failed-rows CSV adds line and reason: fixed, it is imported again as it is).
  if (!names || new Set(names).size !== names.length || IMPORT_COLUMNS.some((c) => !names.includes(c))) return refuse({ kind: 'header', line: 1 });
  const at = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, names.indexOf(c)])) as Record<(typeof IMPORT_COLUMNS)[number], number>;

  const lines: ImportLine[] = [];
  for (let i = headerAt + 1; i < raw.length; i++) {
    const lineNo = i + 1;
    const text = raw[i] ?? '';
    if (text.trim() === '') continue;
    const cells = splitLine(text, separator);
    if (!cells) return refuse({ kind: 'quotes', line: lineNo });
    if (cells.length !== names.length) return refuse({ kind: 'columns', line: lineNo, found: cells.length });
    const formula = cells.find((c) => FORMULA.test(c.trimStart()) || FORMULA.test(c));
    if (formula !== undefined) return refuse({ kind: 'formula', line: lineNo, cell: formula.slice(0, 40) });
    if (lines.length === IMPORT_MAX_ROWS) return refuse({ kind: 'too-many-rows', maxRows: IMPORT_MAX_ROWS });
    const cell = (c: (typeof IMPORT_COLUMNS)[number]) => (cells[at[c]] ?? '').trim();
    lines.push({ line: lineNo, account: cell('account'), gateway: cell('gateway'), token: cell('token') });
  }
  if (lines.length === 0) return refuse({ kind: 'empty' });
  return { ok: true, lines };
}

/** The cells of one line, or null when a quote is left open or stray text follows a closing quote. */
function splitLine(line: string, separator: ',' | ';'): string[] | null {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    while (line[i] === ' ') i++;
    if (line[i] === '"') {
      let cell = '';
      i++;
      for (;;) {
        if (i >= line.length) return null;
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        cell += line[i++];
      }
      while (line[i] === ' ') i++;
      if (i < line.length && line[i] !== separator) return null;
      cells.push(cell);
    } else {
      const end = line.indexOf(separator, i);
      const cell = end < 0 ? line.slice(i) : line.slice(i, end);
      if (cell.includes('"')) return null;
      cells.push(cell);
      i = end < 0 ? line.length : end;
    }
    if (i >= line.length) return cells;
    i++; // the separator
  }
}

/**
 * What is wrong with a row on its own (no provider asked): the account code's shape, the gateway,
 * the token's shape for that gateway; null when nothing is. A repeat is found by `findRepeats`.
 */
export function rowProblem(row: ImportLine): Exclude<RowProblem, 'duplicate'> | null {
  if (!ACCOUNT_CODE.test(row.account)) return 'account-format';
  if (!IMPORT_GATEWAYS.includes(row.gateway as PortalGateway)) return 'gateway';
  const fits = row.gateway === 'stripe_new' ? STRIPE_PM.test(row.token) : QUICKPAY_ID.test(row.token);
  return fits ? null : 'token-format';
}

/**
 * The lines that repeat an earlier line's card (the same gateway and token: one card is one
 * account's, as Fenerum and our registrations hold it), each with the earlier line.
 */
export function findRepeats(lines: readonly ImportLine[]): Map<number, number> {
  const first = new Map<string, number>();
  const repeats = new Map<number, number>();
  for (const l of lines) {
    const key = `${l.gateway}\u0000${l.token}`;
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, l.line);
    else repeats.set(l.line, earlier);
  }
  return repeats;
}

function refuse(refusal: FileRefusal): ParsedFile {
  return { ok: false, refusal };
}
