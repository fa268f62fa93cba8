import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { processSingleton } from '@/lib/process-singleton';

/** What every log line of one request carries: its id (lib/server/front-door.ts starts it). */
export type RequestContext = { requestId: string };

/** One store per process: Next bundles routes separately, and each bundle must read the same one. */
const storage = () => processSingleton('request-context', () => new AsyncLocalStorage<RequestContext>());

/** The id of the request this code runs for, or undefined outside a request (the workers, start-up). */
export function currentRequestId(): string | undefined {
  return storage().getStore()?.requestId;
}

/** Runs `fn` (and everything it starts, awaited or not) as part of the request `ctx`. */
export function withRequestContext<T>(ctx: RequestContext, fn: () => T): T {
  return storage().run(ctx, fn);
}

/**
 * A caller's (a proxy's, a load balancer's) `X-Request-Id` when it is sane, so one id follows
 * the request across their logs and ours: 1–128 characters of letters, digits and `._:-` (never
 * a way to put a newline, a quote or a secret-sized blob into our logs). Otherwise a new UUID.
 */
const SANE = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdFrom(incoming: string | string[] | undefined): string {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return value !== undefined && SANE.test(value) ? value : randomUUID();
}
