export const DEFAULT_BACKOFF: { baseMs: number; maxMs: number } = { baseMs: 500, maxMs: 8_000 };

/**
 * The wait before retry number `attempt + 1`: `baseMs` doubling to at most `maxMs`, with
 * "equal jitter" (half of it fixed, half random) so callers that failed together spread out.
 */
export function backoffMs(attempt: number, random: () => number, { baseMs, maxMs } = DEFAULT_BACKOFF): number {
  const cap = Math.min(maxMs, baseMs * 2 ** attempt);
  return Math.round(cap / 2 + (cap / 2) * random());
}
