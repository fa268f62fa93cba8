import type { CallPriority } from './types';

/**
 * What a rate limiter's `acquire` rejects with when it will not hand out a slot: the caller's
 * lane is over budget (its bounded wait would run out first), or the caller went away (its
 * AbortSignal fired) while it waited. Either way nothing was sent. Branded with a global symbol
 * (never `instanceof`: a class can exist once per bundle).
 */
const BRAND = Symbol.for('card-portal:error:limiter-refusal');

export type LimiterRefusalReason = 'over_budget' | 'aborted';

export class LimiterRefusal extends Error {
  readonly [BRAND] = true;
  constructor(
    readonly reason: LimiterRefusalReason,
    /** For `over_budget`: when a slot may be free again, in ms (an estimate, at least 1 s). */
    readonly retryAfterMs = 0,
    /** The lane that was refused. */
    readonly priority?: CallPriority,
  ) {
    super(reason === 'over_budget' ? `over the request budget; retry in ${Math.ceil(retryAfterMs / 1000)} s` : 'the caller went away');
    this.name = 'LimiterRefusal';
  }
}

export function isLimiterRefusal(err: unknown): err is LimiterRefusal {
  return typeof err === 'object' && err !== null && (err as Record<symbol, unknown>)[BRAND] === true;
}
