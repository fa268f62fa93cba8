import { PGlite } from '@electric-sql/pglite';

/** Opens a stopped app's PGlite database (it belongs to one process at a time), runs `read`, closes it. */
async function withDatabase<T>(dir: string, read: (db: PGlite) => Promise<T>): Promise<T> {
  const db = await PGlite.create(dir);
  try {
    return await read(db);
  } finally {
    await db.close();
  }
}

/** Rows in every table of the app's schema, by table name. */
export function countRows(dir: string): Promise<Record<string, number>> {
  return withDatabase(dir, async (db) => {
    const tables = await db.query<{ name: string }>(`select table_name as name from information_schema.tables where table_schema = 'public' order by 1`);
    const counts: Record<string, number> = {};
    for (const { name } of tables.rows) {
      const res = await db.query<{ n: number }>(`select count(*)::int as n from "${name}"`);
      counts[name] = res.rows[0]?.n ?? 0;
    }
    return counts;
  });
}

/** Every "from where" in the audit log. */
export function readAuditIps(dir: string): Promise<Array<{ action: string; ip: string | null }>> {
  return withDatabase(dir, async (db) => (await db.query<{ action: string; ip: string | null }>('select action, ip from audit_log')).rows);
}
