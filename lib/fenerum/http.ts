import { createProviderHttp, type ProviderFailure, type ProviderHttp } from '@/lib/provider-http';
import { FenerumError, parseErrorBody } from './errors';
import { RateLimiter } from './rate-limiter';
import type { Actor, FenerumClientConfig } from './types';

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_RETRIES = 3;

/** A provider-http failure as a FenerumError (the one error the rest of the app knows). */
export function toFenerumError(f: ProviderFailure, call: { operation: string }): FenerumError {
  const operation = call.operation;
  switch (f.kind) {
    case 'network':
    case 'timeout':
      return new FenerumError({ kind: f.kind, status: 0, operation, cause: f.cause });
    case 'invalid_response':
      return new FenerumError({ kind: 'invalid_response', status: f.status, detail: f.detail, operation, cause: f.cause });
    case 'invalid_request':
      return new FenerumError({ kind: 'invalid_request', status: 0, detail: f.detail, operation });
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
 * Fenerum on the provider-http core: its token and X-Client-System on every call, and this
 * process's rate limiter (Fenerum allows 60 requests a minute per API user) around each attempt.
 */
export function createFenerumHttp(config: FenerumClientConfig): ProviderHttp {
  const sleep = config.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = config.now ?? Date.now;
  return createProviderHttp({
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
    limiter: new RateLimiter(config.now ? { limit: config.ratePerMinute, now, sleep } : { limit: config.ratePerMinute }),
  });
}
