/**
 * One rule for text at every boundary: a string the database can store holds no NUL (U+0000:
 * Postgres keeps it neither in `text` nor as `\u0000` in `jsonb`) and no unpaired UTF-16
 * surrogate (`"\ud800"` is valid JSON, but `jsonb` refuses it, and `text` would get U+FFFD in its
 * place: not what was sent). Input a person or a client sends with such text is refused with a
 * sentence; a provider's signed body carrying it is acknowledged and stored in a form the database
 * accepts (`toStorable`) or ignored, never answered 5xx (which a provider retries for ever).
 */
export type UnstorableText = 'nul' | 'lone-surrogate';

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What makes this one string unstorable, or null. */
export function unstorableText(text: string): UnstorableText | null {
  if (text.includes('\u0000')) return 'nul';
  return LONE_SURROGATE.test(text) ? 'lone-surrogate' : null;
}

/** The first unstorable string or key anywhere in a parsed JSON value (depth-bounded), or null. */
export function unstorableIn(value: unknown, depth = 0): UnstorableText | null {
  if (typeof value === 'string') return unstorableText(value);
  if (typeof value !== 'object' || value === null) return null;
  // JSON.parse of a bounded body cannot nest deeper than this without being refused for size.
  if (depth > 200) return 'nul';
  const children: Iterable<unknown> = Array.isArray(value) ? value : Object.entries(value).flat();
  for (const child of children) {
    const found = unstorableIn(child, depth + 1);
    if (found) return found;
  }
  return null;
}

/** For zod's `.refine`: a string the database can store. */
export const isStorableText = (text: string): boolean => unstorableText(text) === null;

/** Whether a parsed JSON value holds text the database cannot store (NUL or an unpaired surrogate) in any string or key. */
export function hasUnstorableText(value: unknown): boolean {
  return unstorableIn(value) !== null;
}

/** A copy the database accepts: NULs and unpaired surrogates in strings and keys replaced by U+FFFD, as a UTF-8 encoder does. */
export function toStorable<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return value.replaceAll('\u0000', '\ufffd').toWellFormed() as T;
  if (typeof value !== 'object' || value === null || depth > 200) return value;
  if (Array.isArray(value)) return value.map((v: unknown) => toStorable(v, depth + 1)) as T;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [toStorable(k), toStorable(v, depth + 1)])) as T;
}
