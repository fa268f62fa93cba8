import { backoffMs, DEFAULT_BACKOFF } from './backoff';
import type { ProviderFailure } from './types';

/** Connection errors that mean the request never reached the provider. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

export type RetryOptions = {
  random: () => number;
  backoff?: { baseMs: number; maxMs: number };
  maxRetryAfterSeconds: number;
};

function networkCode(err: unknown): string | undefined {
  const cause = err instanceof Error ? err.cause : undefined;
  return cause && typeof cause === 'object' && 'code' in cause && typeof cause.code === 'string' ? cause.code : undefined;
}

/** The request surely never reached the provider (so even a create may be sent again). */
export function surelyNotSent(failure: ProviderFailure): boolean {
  return failure.kind === 'network' && NOT_SENT_CODES.has(networkCode(failure.cause) ?? '');
}

/**
 * How long to wait before trying again after `failure` on attempt `attempt` (0-based), or
 * undefined to give up and hand the failure to the caller.
 * - 429: the provider did nothing; wait exactly its Retry-After (or a backoff without one).
 * - 503: "unavailable", nothing done; retried even for a create.
 * - other 5xx, timeouts, dropped connections: the provider may have acted; retried only when
 *   repeating the call does no harm (`idempotent`).
 * - connection refused / unknown host: never sent; retried.
 * A Retry-After above `maxRetryAfterSeconds` is never waited out here: a caller with a queue
 * can wait it better than a request that holds a customer.
 */
export function retryDelayMs(failure: ProviderFailure, idempotent: boolean, attempt: number, opts: RetryOptions): number | undefined {
  const backoff = () => backoffMs(attempt, opts.random, opts.backoff ?? DEFAULT_BACKOFF);
  switch (failure.kind) {
    case 'network':
      return idempotent || surelyNotSent(failure) ? backoff() : undefined;
    case 'timeout':
      return idempotent ? backoff() : undefined;
    case 'http': {
      const asked = failure.retryAfterSeconds;
      const tooLong = asked !== undefined && asked > opts.maxRetryAfterSeconds;
      if (failure.status === 429) return tooLong ? undefined : asked !== undefined ? asked * 1000 : backoff();
      if (failure.status >= 500 && (idempotent || failure.status === 503)) {
        return tooLong ? undefined : Math.max((asked ?? 0) * 1000, backoff());
      }
      return undefined;
    }
    default:
      return undefined;
  }
}
