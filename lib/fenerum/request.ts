import type { z } from 'zod';
import { FenerumError, parseErrorBody, parseRetryAfter } from './errors';
import type { RateLimiter } from './rate-limiter';
import type { Actor } from './types';

/** What every request shares: credentials, limits and the (injectable) outside world. */
export type Transport = {
  token: string;
  clientSystem: string;
  timeoutMs: number;
  maxRetries: number;
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  random: () => number;
  limiter: RateLimiter;
};

export type FenerumRequest<T> = {
  method: 'GET' | 'POST';
  url: URL;
  /** For errors and logs, without ids: "GET /accounts/{code}/". */
  operation: string;
  schema: z.ZodType<T>;
  body?: unknown;
  actor?: Actor;
  /**
   * Repeating the call does no harm, so it is retried after failures that leave it unknown
   * whether Fenerum acted (500/502/504, timeouts, dropped connections). A create is not:
   * Fenerum has no idempotency key, so it is retried only when Fenerum surely did nothing
   * (429, 503, connection refused).
   */
  idempotent: boolean;
};

/** Backoff: 500 ms doubling to at most 8 s, with "equal jitter" (half fixed, half random). */
export const BACKOFF_BASE_MS = 500;
export const BACKOFF_MAX_MS = 8_000;
/** A 429 asking for a longer wait than this is not waited out here; the caller gets it. */
export const MAX_RETRY_AFTER_SECONDS = 60;

const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

type Attempt<T> = { ok: true; value: T } | { ok: false; error: FenerumError; retryInMs?: number };

export function backoffMs(attempt: number, random: () => number): number {
  const cap = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** attempt);
  return Math.round(cap / 2 + (cap / 2) * random());
}

function headers(t: Transport, req: FenerumRequest<unknown>): Record<string, string> {
  const h: Record<string, string> = {
    Authorization: `Token ${t.token}`,
    'X-Client-System': t.clientSystem,
    Accept: 'application/json',
  };
  if (req.body !== undefined) h['Content-Type'] = 'application/json';
  if (req.actor) {
    const email = req.actor.email.trim();
    if (!/^[\x21-\x7e]+$/.test(email)) {
      throw new FenerumError({ kind: 'invalid_request', status: 0, detail: 'the actor email cannot be sent as X-User', operation: req.operation });
    }
    h['X-User'] = email;
  }
  return h;
}

function networkCode(err: unknown): string | undefined {
  const cause = err instanceof Error ? err.cause : undefined;
  return cause && typeof cause === 'object' && 'code' in cause && typeof cause.code === 'string' ? cause.code : undefined;
}

async function attempt<T>(t: Transport, req: FenerumRequest<T>, n: number): Promise<Attempt<T>> {
  const init: RequestInit = { method: req.method, headers: headers(t, req), redirect: 'manual' };
  if (req.body !== undefined) init.body = JSON.stringify(req.body);
  const op = req.operation;
  const release = await t.limiter.acquire();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), t.timeoutMs);
  let status = 0;
  let text: string;
  let retryAfter: string | null = null;
  try {
    const res = await t.fetch(req.url, { ...init, signal: controller.signal });
    status = res.status;
    retryAfter = res.headers.get('retry-after');
    text = await res.text();
  } catch (err) {
    const timedOut = controller.signal.aborted;
    const kind = timedOut ? 'timeout' : 'network';
    const error = new FenerumError({ kind, status: 0, operation: op, cause: err });
    const safe = req.idempotent || (!timedOut && NOT_SENT_CODES.has(networkCode(err) ?? ''));
    return { ok: false, error, retryInMs: safe ? backoffMs(n, t.random) : undefined };
  } finally {
    clearTimeout(timer);
    release();
  }

  let json: unknown = undefined;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }

  if (status >= 200 && status < 300) {
    const parsed = req.schema.safeParse(json);
    if (parsed.success) return { ok: true, value: parsed.data };
    const where = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');
    return { ok: false, error: new FenerumError({ kind: 'invalid_response', status, detail: where, operation: op, cause: parsed.error }) };
  }

  const { detail, fieldErrors } = parseErrorBody(json);
  const seconds = parseRetryAfter(retryAfter, t.now());
  const error = new FenerumError({ kind: 'http', status, detail, fieldErrors, retryAfterSeconds: seconds, operation: op });
  if (status === 429) {
    if (seconds !== undefined && seconds > MAX_RETRY_AFTER_SECONDS) return { ok: false, error };
    const wait = seconds !== undefined ? seconds * 1000 : backoffMs(n, t.random);
    t.limiter.pauseFor(wait);
    return { ok: false, error, retryInMs: wait };
  }
  if (status >= 500 && (req.idempotent || status === 503)) {
    const asked = seconds !== undefined && seconds <= MAX_RETRY_AFTER_SECONDS ? seconds * 1000 : 0;
    return { ok: false, error, retryInMs: Math.max(asked, backoffMs(n, t.random)) };
  }
  return { ok: false, error };
}

/**
 * The one way the client talks to Fenerum: auth headers, the rate limiter, a timeout per
 * attempt, retries (at most `maxRetries`, see FenerumRequest.idempotent) with backoff or the
 * wait a 429/503 asked for, and a zod parse of the answer. Every failure is a FenerumError.
 */
export async function fenerumRequest<T>(t: Transport, req: FenerumRequest<T>): Promise<T> {
  for (let n = 0; ; n++) {
    const result = await attempt(t, req, n);
    if (result.ok) return result.value;
    if (result.retryInMs === undefined || n >= t.maxRetries) throw result.error;
    await t.sleep(result.retryInMs);
  }
}
