import { sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/connect';
import { rowsOf } from '@/lib/db/rows';

/** The first row's `prev_hash` (migration 0007). */
export const GENESIS_HASH = '0'.repeat(64);

/** What broke: a row's content no longer matches its hash, its link to the previous row, or a row is missing. */
type ChainBreak = {
  id: number;
  seq: number;
  at: string;
  kind: 'content' | 'link' | 'missing';
  expected: string;
  found: string;
};
/** `anchor`: where the walk started (64 zeros at genesis, or the first kept row's prev_hash after pruning). */
export type ChainReport = { checked: number; firstBreak: ChainBreak | null; anchor: { seq: number; prevHash: string } };

type Row = { id: string | number; seq: string | number; at: string | Date; prev_hash: string; hash: string; expected: string };

/**
 * Walks the audit log's hash chain in `seq` order, in batches (a million rows stream in constant
 * memory). The expected hash is computed by the same SQL functions the insert trigger uses
 * (`audit_log_canonical`, `audit_log_hash`), so the canonical content is defined once.
 */
export async function verifyAuditChain(
  db: Pick<Db, 'execute'>,
  opts: { batchSize?: number; onBatch?: (checked: number) => void; fromFirstKept?: boolean } = {},
): Promise<ChainReport> {
  const batchSize = opts.batchSize ?? 5000;
  let checked = 0;
  let prevSeq = 0;
  let prevHash = GENESIS_HASH;
  if (opts.fromFirstKept) {
    // After the oldest rows were pruned on purpose: the first remaining row's link is taken as given.
    const [first] = rowsOf<{ seq: string | number; prev_hash: string }>(await db.execute(sql`select seq, prev_hash from audit_log order by seq limit 1`));
    if (first) {
      prevSeq = Number(first.seq) - 1;
      prevHash = first.prev_hash;
    }
  }
  const anchor = { seq: prevSeq + 1, prevHash };
  for (;;) {
    const rows = rowsOf<Row>(
      await db.execute(sql`
        select id, seq, at, prev_hash, hash,
               audit_log_hash(prev_hash, audit_log_canonical(seq, at, actor, action, account_code, subject, details, ip)) as expected
        from audit_log where seq > ${prevSeq} order by seq limit ${batchSize}`),
    );
    for (const row of rows) {
      const found = checkRow(row, prevSeq, prevHash);
      if (found) return { checked, firstBreak: found, anchor };
      checked += 1;
      prevSeq = Number(row.seq);
      prevHash = row.hash;
    }
    opts.onBatch?.(checked);
    if (rows.length < batchSize) return { checked, firstBreak: null, anchor };
  }
}

function checkRow(row: Row, prevSeq: number, prevHash: string): ChainBreak | null {
  const at = row.at instanceof Date ? row.at.toISOString() : new Date(row.at).toISOString();
  const base = { id: Number(row.id), seq: Number(row.seq), at };
  if (Number(row.seq) !== prevSeq + 1) return { ...base, kind: 'missing', expected: `seq ${prevSeq + 1}`, found: `seq ${row.seq}` };
  if (row.prev_hash !== prevHash) return { ...base, kind: 'link', expected: prevHash, found: row.prev_hash };
  if (row.hash !== row.expected) return { ...base, kind: 'content', expected: row.expected, found: row.hash };
  return null;
}

/** One line a person reads: the count and "chain intact", or the first broken row and what differs. */
export function describeChainReport(report: ChainReport): string {
  const b = report.firstBreak;
  const from = report.anchor.seq > 1 ? ` (from seq ${report.anchor.seq}, whose prev_hash ${report.anchor.prevHash} was taken as given)` : '';
  if (!b) return `${report.checked} rows checked: chain intact${from}`;
  const what = {
    content: `its content no longer matches its hash (stored ${b.found.slice(0, 16)}…, content gives ${b.expected.slice(0, 16)}…)`,
    link: `its link to the previous row is broken (prev_hash ${b.found.slice(0, 16)}…, previous row's hash ${b.expected.slice(0, 16)}…)`,
    missing: `rows are missing before it (expected ${b.expected}, found ${b.found})`,
  }[b.kind];
  return `${report.checked} rows checked: chain BROKEN at row id ${b.id} (seq ${b.seq}, at ${b.at}): ${what}${from}`;
}
