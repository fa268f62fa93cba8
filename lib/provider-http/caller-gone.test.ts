import { describe, expect, it } from 'vitest';
import { LimiterRefusal } from './limiter-refusal';
import { json, reset, scriptedHttp, TestError, thing } from '@/test/support/provider-http-fakes';
import type { ProviderCall, RateLimiterHook } from './types';

const get: ProviderCall<{ id: number }> = { method: 'GET', path: 'things/1', schema: thing, operation: 'GET /things/{id}', idempotent: true };
const failureOf = (err: unknown) => (err instanceof TestError ? err.failure : undefined);

/** A limiter that holds every caller until the test lets one through, and honours the caller's signal. */
function heldLimiter() {
  const asked: Array<{ priority?: string; signal?: AbortSignal }> = [];
  const held: Array<() => void> = [];
  const limiter: RateLimiterHook = {
    acquire: (opts = {}) =>
      new Promise((resolve, reject) => {
        asked.push(opts);
        opts.signal?.addEventListener('abort', () => reject(new LimiterRefusal('aborted')));
        held.push(() => resolve(() => {}));
      }),
  };
  return { limiter, asked, letOneThrough: () => held.shift()?.() };
}

describe('createProviderHttp: callers who go away, and the limiter saying no', () => {
  it('sends nothing for a caller already gone', async () => {
    const { http, calls } = scriptedHttp([json(200, { id: 1 })]);
    const err = await http.request({ ...get, signal: AbortSignal.abort() }).catch((e: unknown) => e);
    expect(failureOf(err)).toEqual({ kind: 'aborted', sent: false });
    expect(calls).toHaveLength(0);
  });

  it('passes the priority and the signal to the limiter; a caller who leaves the queue sends nothing', async () => {
    const { limiter, asked } = heldLimiter();
    const { http, calls } = scriptedHttp([json(200, { id: 1 })], { limiter });
    const gone = new AbortController();
    const pending = http.request({ ...get, priority: 'bulk', signal: gone.signal }).catch((e: unknown) => e);
    await Promise.resolve();
    expect(asked[0]).toMatchObject({ priority: 'bulk', signal: gone.signal });
    gone.abort();
    expect(failureOf(await pending)).toEqual({ kind: 'aborted', sent: false });
    expect(calls).toHaveLength(0);
  });

  it('aborts a call in flight when its caller leaves, and does not retry it', async () => {
    const { http, calls } = scriptedHttp(['hang', json(200, { id: 1 })]);
    const gone = new AbortController();
    const pending = http.request({ ...get, signal: gone.signal }).catch((e: unknown) => e);
    await new Promise((r) => setImmediate(r));
    gone.abort();
    expect(failureOf(await pending)).toMatchObject({ kind: 'aborted', sent: true });
    expect(calls).toHaveLength(1);
  });

  it('does not retry for a caller who left during a failed attempt', async () => {
    const gone = new AbortController();
    const { http, calls } = scriptedHttp([reset(), json(200, { id: 1 })], {
      sleep: async () => {
        gone.abort(); // the caller hangs up during the backoff
      },
    });
    const err = await http.request({ ...get, signal: gone.signal }).catch((e: unknown) => e);
    expect(failureOf(err)).toEqual({ kind: 'aborted', sent: false });
    expect(calls).toHaveLength(1);
  });

  it("turns the limiter's over-budget refusal into an over_budget failure with whole seconds to wait, sending nothing", async () => {
    const limiter: RateLimiterHook = { acquire: () => Promise.reject(new LimiterRefusal('over_budget', 12_300, 'bulk')) };
    const { http, calls } = scriptedHttp([json(200, { id: 1 })], { limiter });
    const err = await http.request({ ...get, priority: 'bulk' }).catch((e: unknown) => e);
    expect(failureOf(err)).toEqual({ kind: 'over_budget', retryAfterSeconds: 13, priority: 'bulk' });
    expect(calls).toHaveLength(0);
  });
});
