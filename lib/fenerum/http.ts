import { createProviderHttp, type ProviderFailure, type ProviderHttp } from '@/lib/provider-http';
import { FenerumError, parseErrorBody } from './errors';
import { RateLimiter } from './rate-limiter';
import type { Actor, FenerumClientConfig } from './types';

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_RETRIES = 3;

/**
 * The limiter's lanes (issue 9): a customer's page waits up to 10 s for a slot; a card being
 * registered (the queue, a return page) as long as it takes, as before; bulk callers (links
 * issued by an API client, listing every account) fill at most two thirds of the minute, so a
 * burst of them leaves room for customers, and are refused within 2 s, with a Retry-After.
 */
export const FENERUM_LANES: NonNullable<FenerumClientConfig['lanes']> = {
  interactive: { maxWaitMs: 10_000, share: 1 },
  registration: { maxWaitMs: Infinity, share: 1 },
  bulk: { maxWaitMs: 2_000, share: 2 / 3 },
};

/** A provider-http failure as a FenerumError (the one error the rest of the app knows). */
function toFenerumError(f: ProviderFailure, call: { operation: string }): FenerumError {
  const operation = call.operation;
  switch (f.kind) {
    case 'network':
    case 'timeout':
      return new FenerumError({ kind: f.kind, status: 0, operation, cause: f.cause });
    case 'invalid_response':
      return new FenerumError({ kind: 'invalid_response', status: f.status, detail: f.detail, operation, cause: f.cause });
    case 'invalid_request':
      return new FenerumError({ kind: 'invalid_request', status: 0, detail: f.detail, operation });
    case 'over_budget':
      return new FenerumError({ kind: 'over_budget', status: 0, retryAfterSeconds: f.retryAfterSeconds, priority: f.priority, operation });
    case 'aborted':
      return new FenerumError({ kind: 'aborted', status: 0, sent: f.sent, operation, cause: f.cause });
    case 'http': {
      const { detail, fieldErrors } = parseErrorBody(f.body);
      return new FenerumError({ kind: 'http', status: f.status, detail, fieldErrors, retryAfterSeconds: f.retryAfterSeconds, operation });
    }
  }
}

/** X-User for a write a staff member triggered; refused (before any call) when it cannot be a header. */
export function actorHeaders(actor: Actor | undefined, operation: string): Record<string, string> {
  if (!actor) return {};
  const email = actor.email.trim();
  if (!/^[\x21-\x7e]+$/.test(email)) {
    throw new FenerumError({ kind: 'invalid_request', status: 0, detail: 'the actor email cannot be sent as X-User', operation });
  }
  return { 'X-User': email };
}

/**
 * Fenerum on the provider-http core: its token and X-Client-System on every call, and a rate
 * limiter (Fenerum allows 60 requests a minute per API user) around each attempt: the one given,
 * else one of this process's own.
 */
export function createFenerumHttp(config: FenerumClientConfig): ProviderHttp {
  const sleep = config.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = config.now ?? Date.now;
  return createProviderHttp({
    provider: 'fenerum',
    baseUrl: config.apiUrl.replace(/\/+$/, ''),
    headers: { Authorization: `Token ${config.token}`, 'X-Client-System': config.clientSystem },
    toError: toFenerumError,
    timeoutMs: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRetries: config.maxRetries ?? DEFAULT_MAX_RETRIES,
    fetch: config.fetch,
    sleep,
    now,
    random: config.random,
    // The limiter waits on the injected sleep only with an injected clock: a fake sleep on the
    // real clock would spin until real time caught up.
    // A limiter given (the deployment's shared budget, lib/fenerum/budget.ts) is used as it is.
    limiter: config.limiter ?? new RateLimiter({ limit: config.ratePerMinute, lanes: config.lanes ?? FENERUM_LANES, ...(config.now ? { now, sleep } : {}) }),
  });
}
