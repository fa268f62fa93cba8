import { isFenerumError } from '@/lib/fenerum/errors';

/** When Fenerum is unknown to be busy (a 429 without a wait), the page tries again this soon. */
export const DEFAULT_BUSY_SECONDS = 30;
/** Never ask a person to wait longer than a minute and a half before the page retries. */
const MAX_BUSY_SECONDS = 90;

/**
 * Seconds until a staff page should try Fenerum again, when `err` says Fenerum is busy: its 429
 * (Fenerum's Retry-After), or the deployment's budget of Fenerum calls (this process's on PGlite) spent for now. Null for
 * any other failure (those are not "busy").
 */
export function fenerumBusySeconds(err: unknown): number | null {
  if (!isFenerumError(err)) return null;
  const busy = (err.kind === 'http' && err.status === 429) || err.kind === 'over_budget';
  if (!busy) return null;
  const asked = Math.ceil(err.retryAfterSeconds ?? DEFAULT_BUSY_SECONDS);
  return Math.min(MAX_BUSY_SECONDS, Math.max(1, asked));
}
