import type { z } from 'zod';

type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Why a provider call failed, before the client turns it into its own typed error. `body` is
 * the answer's JSON (undefined when it was not JSON): each provider words its errors its own way.
 */
export type ProviderFailure =
  | { kind: 'network'; cause: unknown }
  | { kind: 'timeout'; cause: unknown }
  | { kind: 'http'; status: number; body: unknown; retryAfterSeconds?: number }
  | { kind: 'invalid_response'; status: number; detail: string; cause: unknown }
  | { kind: 'invalid_request'; detail: string }
  /** The limiter would not give this caller a slot within its lane's bounded wait; nothing was sent. */
  | { kind: 'over_budget'; retryAfterSeconds: number; priority: CallPriority }
  /** The caller's AbortSignal fired: `sent` says whether the request had already gone out. */
  | { kind: 'aborted'; sent: boolean; cause?: unknown };

/**
 * Who is asking, for the rate limiter: a person waiting on a page first, then a card being
 * registered, then bulk callers (an API client issuing links, a list of every account).
 */
export type CallPriority = 'interactive' | 'registration' | 'bulk';

export type ProviderCall<T> = {
  method: HttpMethod;
  /** Relative to the base URL ("subscriptions/7/link"), or a URL on the base's origin (a `next` link). */
  path: string | URL;
  query?: Record<string, string>;
  /** Headers of this call only (e.g. Fenerum's X-User); the client's auth headers are added. */
  headers?: Record<string, string>;
  /** Sent as JSON. */
  body?: unknown;
  /** The answer of a 2xx is parsed with it; a mismatch is an `invalid_response`. */
  schema: z.ZodType<T>;
  /** For errors and logs, without ids or secrets: "GET /accounts/{code}/". */
  operation: string;
  /**
   * Repeating the call does no harm, so it is retried after failures that leave it unknown
   * whether the provider acted (500/502/504, timeouts, dropped connections). A create or a
   * refund is not: it is retried only when the provider surely did nothing (429, 503,
   * connection refused).
   */
  idempotent: boolean;
  /** The limiter's lane for this call; the limiter's default when absent. */
  priority?: CallPriority;
  /**
   * The caller's signal (a route's `req.signal`): once it fires, a call still waiting for a slot
   * leaves the queue without being sent, a call in flight is aborted, and nothing is retried.
   */
  signal?: AbortSignal;
  /**
   * This call's own bound on a Retry-After worth waiting out (the client's default otherwise):
   * a staff page that would rather say "busy, refreshing in N seconds" than hang passes 0.
   */
  maxRetryAfterSeconds?: number;
};

/** A limiter around each attempt: a slot before sending, released once the answer is in. */
export type RateLimiterHook = {
  /** Rejects with a LimiterRefusal (limiter-refusal.ts) when the caller is over budget or gone. */
  acquire(opts?: { priority?: CallPriority; signal?: AbortSignal }): Promise<() => void>;
  /** Holds every call back for `ms` (the provider said 429 with a wait). */
  pauseFor?(ms: number): void;
};

export type ProviderHttpConfig<E extends Error> = {
  /** The provider's name in the metrics (lib/metrics: calls, their latency and the limiter's waits). */
  provider?: string;
  /** Paths resolve against it; nothing is sent to another origin (the auth headers would go along). */
  baseUrl: string;
  /** The client's own headers on every call: credentials, API version, system name. */
  headers: Record<string, string>;
  /** Turns a failure into the client's typed, branded error. */
  toError: (failure: ProviderFailure, call: { method: HttpMethod; operation: string }) => E;
  /** Per attempt. */
  timeoutMs: number;
  /** Retries after the first attempt. */
  maxRetries: number;
  /** Backoff between retries: `baseMs` doubling to at most `maxMs`, equal jitter. Default 500 / 8 000. */
  backoff?: { baseMs: number; maxMs: number };
  /** A Retry-After longer than this is not waited out: the caller gets the error. Default 60. */
  maxRetryAfterSeconds?: number;
  limiter?: RateLimiterHook;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** The clock for Retry-After dates (ms). */
  now?: () => number;
  /** For the jitter; [0, 1). */
  random?: () => number;
};

/** What a provider client lets its caller tune of the core (tests: a fake fetch and clock; defaults per client). */
export type ProviderClientTuning = Partial<Pick<ProviderHttpConfig<Error>, 'timeoutMs' | 'maxRetries' | 'fetch' | 'sleep' | 'now' | 'random'>>;
