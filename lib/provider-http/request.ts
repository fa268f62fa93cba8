import { countLimiter, observeProviderCall } from '@/lib/metrics/provider-calls';
import { isLimiterRefusal } from './limiter-refusal';
import { parseRetryAfter } from './retry-after';
import { retryDelayMs } from './retry-policy';
import type { ProviderCall, ProviderFailure, ProviderHttpConfig } from './types';

const DEFAULT_MAX_RETRY_AFTER_SECONDS = 60;

type Attempt<T> = { ok: true; value: T } | { ok: false; failure: ProviderFailure };

export type ProviderHttp = {
  /** The base URL, always ending in "/". */
  readonly baseUrl: URL;
  /** Sends a call: retried as its `idempotent` allows, parsed, every failure the client's error. */
  request<T>(call: ProviderCall<T>): Promise<T>;
};

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The answer's JSON, or undefined for an empty or non-JSON body (an HTML error page). */
function parseJson(text: string): unknown {
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The one HTTP core of the provider clients (Fenerum, QuickPay, FarPay): base URL + path, the
 * client's headers, a timeout per attempt, retries with backoff on 5xx/429 honouring
 * Retry-After (see retry-policy.ts: never blindly for a call that is not idempotent), an
 * optional rate limiter around each attempt, a zod parse of the answer, and every failure
 * mapped by the client's `toError`. Redirects are not followed (one could turn a POST into a
 * GET, or carry the credentials elsewhere).
 */
export function createProviderHttp<E extends Error>(config: ProviderHttpConfig<E>): ProviderHttp {
  const baseUrl = new URL(config.baseUrl.endsWith('/') ? config.baseUrl : `${config.baseUrl}/`);
  const doFetch = config.fetch ?? ((input: URL | RequestInfo, init?: RequestInit) => fetch(input, init));
  const sleep = config.sleep ?? realSleep;
  const now = config.now ?? Date.now;
  const random = config.random ?? Math.random;
  const maxRetryAfterSeconds = config.maxRetryAfterSeconds ?? DEFAULT_MAX_RETRY_AFTER_SECONDS;
  const provider = config.provider ?? baseUrl.host;

  function urlOf(call: ProviderCall<unknown>): URL | undefined {
    const url = new URL(call.path, baseUrl);
    for (const [k, v] of Object.entries(call.query ?? {})) url.searchParams.set(k, v);
    return url.origin === baseUrl.origin ? url : undefined;
  }

  /** A slot from the limiter (none needed without one), or why the call is not sent at all. */
  async function acquireSlot(call: ProviderCall<unknown>): Promise<{ ok: true; release: () => void } | { ok: false; failure: ProviderFailure }> {
    if (call.signal?.aborted) return { ok: false, failure: { kind: 'aborted', sent: false } };
    if (!config.limiter) return { ok: true, release: () => {} };
    // The limiter's own default lane (as for over_budget below).
    const lane = call.priority ?? 'registration';
    const waitStarted = performance.now();
    try {
      const release = await config.limiter.acquire({ priority: call.priority, signal: call.signal });
      countLimiter(provider, lane, 'slot', waitStarted);
      return { ok: true, release };
    } catch (err) {
      if (!isLimiterRefusal(err)) throw err;
      countLimiter(provider, err.priority ?? lane, err.reason, waitStarted);
      if (err.reason === 'aborted') return { ok: false, failure: { kind: 'aborted', sent: false } };
      const retryAfterSeconds = Math.max(1, Math.ceil(err.retryAfterMs / 1000));
      return { ok: false, failure: { kind: 'over_budget', retryAfterSeconds, priority: err.priority ?? call.priority ?? 'registration' } };
    }
  }

  async function attempt<T>(call: ProviderCall<T>, url: URL): Promise<Attempt<T>> {
    const headers: Record<string, string> = { Accept: 'application/json', ...config.headers, ...call.headers };
    const init: RequestInit = { method: call.method, headers, redirect: 'manual' };
    if (call.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(call.body);
    }
    const slot = await acquireSlot(call);
    if (!slot.ok) return slot;
    const release = slot.release;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), config.timeoutMs);
    const signal = call.signal ? AbortSignal.any([controller.signal, call.signal]) : controller.signal;
    let res: Response;
    let text: string;
    const sent = performance.now();
    try {
      res = await doFetch(url, { ...init, signal });
      text = await res.text();
      observeProviderCall(provider, String(res.status), sent);
    } catch (cause) {
      const kind = call.signal?.aborted ? 'aborted' : controller.signal.aborted ? 'timeout' : 'network';
      observeProviderCall(provider, kind, sent);
      if (kind === 'aborted') return { ok: false, failure: { kind: 'aborted', sent: true, cause } };
      return { ok: false, failure: { kind, cause } };
    } finally {
      clearTimeout(timer);
      release();
    }
    const json = parseJson(text);
    if (res.status >= 200 && res.status < 300) {
      const parsed = call.schema.safeParse(json);
      if (parsed.success) return { ok: true, value: parsed.data };
      const detail = parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`)
        .join('; ');
      return { ok: false, failure: { kind: 'invalid_response', status: res.status, detail, cause: parsed.error } };
    }
    const retryAfterSeconds = parseRetryAfter(res.headers.get('retry-after'), now());
    const failure: ProviderFailure = { kind: 'http', status: res.status, body: json };
    if (retryAfterSeconds !== undefined) failure.retryAfterSeconds = retryAfterSeconds;
    return { ok: false, failure };
  }

  return {
    baseUrl,
    async request<T>(call: ProviderCall<T>): Promise<T> {
      const fail = (failure: ProviderFailure) => config.toError(failure, { method: call.method, operation: call.operation });
      const url = urlOf(call);
      if (!url) throw fail({ kind: 'invalid_request', detail: `a path that leaves ${baseUrl.origin}` });
      for (let n = 0; ; n++) {
        const result = await attempt(call, url);
        if (result.ok) return result.value;
        const wait = retryDelayMs(result.failure, call.idempotent, n, {
          random,
          backoff: config.backoff,
          maxRetryAfterSeconds: call.maxRetryAfterSeconds ?? maxRetryAfterSeconds,
        });
        // A 429 holds every call back, this one's last attempt included: the provider asked.
        if (wait !== undefined && result.failure.kind === 'http' && result.failure.status === 429) config.limiter?.pauseFor?.(wait);
        if (wait === undefined || n >= config.maxRetries || call.signal?.aborted) throw fail(result.failure);
        await sleep(wait);
      }
    },
  };
}
