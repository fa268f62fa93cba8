/** The rows of a raw `db.execute()`: node-postgres and PGlite both answer `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  if (result && typeof result === 'object' && 'rows' in result && Array.isArray(result.rows)) return result.rows as T[];
  if (Array.isArray(result)) return result as T[];
  throw new Error('unexpected result shape from db.execute');
}
