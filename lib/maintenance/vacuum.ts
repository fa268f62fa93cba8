import { sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/connect';
import { rowsOf } from '@/lib/db/rows';

/**
 * Postgres' own autovacuum thresholds (its defaults): a table is vacuumed once its dead rows pass
 * 50 + 20% of its rows, analyzed once the rows changed since its last analyze pass 50 + 10%.
 */
const AUTOVACUUM = { vacuumBase: 50, vacuumScale: 0.2, analyzeBase: 50, analyzeScale: 0.1 } as const;

export type TableStats = {
  table: string;
  /** pg_class.reltuples: the row count the last vacuum or analyze saw; -1 when neither has run. */
  rows: number;
  deadRows: number;
  changedSinceAnalyze: number;
};
export type VacuumReport = { vacuumed: string[]; analyzed: string[] };

/** What autovacuum would do to this table now: vacuum (and analyze), only analyze, or nothing. */
export function dueFor(stats: TableStats): 'vacuum' | 'analyze' | null {
  const rows = Math.max(stats.rows, 0);
  if (stats.deadRows > AUTOVACUUM.vacuumBase + AUTOVACUUM.vacuumScale * rows) return 'vacuum';
  if (stats.changedSinceAnalyze > AUTOVACUUM.analyzeBase + AUTOVACUUM.analyzeScale * rows) return 'analyze';
  return null;
}

async function tableStats(db: Db): Promise<TableStats[]> {
  // A backend sends its counts to the statistics at most once a second, when idle: ask for
  // this backend's now, so that the next statement reads them (PGlite has only this one).
  await db.execute(sql`select pg_stat_force_next_flush()`);
  const result = await db.execute(sql`
    select s.relname as "table", c.reltuples as rows, s.n_dead_tup as dead_rows, s.n_mod_since_analyze as changed
    from pg_stat_user_tables s join pg_class c on c.oid = s.relid
    where s.schemaname = 'public'
    order by s.relname`);
  return rowsOf<{ table: string; rows: number; dead_rows: string; changed: string }>(result).map((r) => ({
    table: r.table,
    rows: Number(r.rows),
    deadRows: Number(r.dead_rows),
    changedSinceAnalyze: Number(r.changed),
  }));
}

/**
 * Autovacuum's work, for PGlite. PGlite runs one Postgres backend in single-user mode, so no
 * autovacuum process ever starts: without this an on-disk PGlite keeps every dead row version
 * (each registration's status change, each sent mail, each deleted callback) and its planner
 * never has statistics. Postgres' own thresholds decide which tables are due, from the counts
 * PGlite does keep; each table is one statement, on the background connection, so requests
 * go first between them (on PGlite a statement holds its one connection while it runs).
 */
export async function vacuumDueTables(db: Db): Promise<VacuumReport> {
  const report: VacuumReport = { vacuumed: [], analyzed: [] };
  for (const stats of await tableStats(db)) {
    const due = dueFor(stats);
    if (!due) continue;
    const table = sql.identifier(stats.table);
    if (due === 'vacuum') {
      await db.execute(sql`vacuum (analyze) ${table}`);
      report.vacuumed.push(stats.table);
    } else {
      await db.execute(sql`analyze ${table}`);
      report.analyzed.push(stats.table);
    }
  }
  return report;
}
