/**
 * Whether a parsed JSON value holds a NUL (U+0000) in any string or key. Postgres stores
 * neither a NUL in text nor `\u0000` in jsonb, so such a value can never be kept: a request
 * carrying one is refused up front (a 400), a provider's signed body carrying one is ignored.
 */
export function hasNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (typeof value !== 'object' || value === null) return false;
  // JSON.parse of a bounded body cannot nest deeper than this without being refused for size.
  if (depth > 200) return true;
  if (Array.isArray(value)) return value.some((v) => hasNul(v, depth + 1));
  return Object.entries(value).some(([k, v]) => k.includes('\u0000') || hasNul(v, depth + 1));
}
