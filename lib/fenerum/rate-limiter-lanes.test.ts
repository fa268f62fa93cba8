import { describe, expect, it } from 'vitest';
import { isLimiterRefusal, type LimiterRefusal } from '@/lib/provider-http';
import { RateLimiter } from './rate-limiter';

/** A fake clock whose sleepers wake only when the test moves time (`advance`). */
function fakeClock(start = 1_000_000) {
  const sleepers: Array<{ at: number; wake: () => void }> = [];
  const clock = {
    t: start,
    now: () => clock.t,
    sleep: (ms: number) => new Promise<void>((wake) => sleepers.push({ at: clock.t + ms, wake })),
    async advance(ms: number) {
      clock.t += ms;
      for (const s of sleepers.filter((x) => x.at <= clock.t)) {
        sleepers.splice(sleepers.indexOf(s), 1);
        s.wake();
      }
      await flush();
    },
  };
  return clock;
}
const flush = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};
const lanes = { interactive: { maxWaitMs: 10_000 }, bulk: { maxWaitMs: 2_000, share: 0.5 } };
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (err: unknown) => (isLimiterRefusal(err) ? err : Promise.reject(err as Error)),
  );

/** Spends the whole window: `n` requests sent and answered at once. */
function spend(limiter: RateLimiter, n: number, priority: 'interactive' | 'bulk' = 'interactive') {
  for (let i = 0; i < n; i++) limiter.tryAcquire(priority)?.();
}

describe('RateLimiter lanes', () => {
  it('lets bulk callers fill only their share, leaving the rest for customers', () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ limit: 10, now: clock.now, sleep: clock.sleep, lanes });
    for (let i = 0; i < 5; i++) expect(limiter.tryAcquire('bulk')).not.toBeNull();
    expect(limiter.tryAcquire('bulk')).toBeNull();
    expect(limiter.tryAcquire('interactive')).not.toBeNull();
  });

  it('refuses a bulk caller at once, with a Retry-After, when its bounded wait cannot be met', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ limit: 10, now: clock.now, sleep: clock.sleep, lanes });
    spend(limiter, 5, 'bulk');
    const err = await refusal(limiter.acquire({ priority: 'bulk' }));
    expect(err).toMatchObject({ reason: 'over_budget', priority: 'bulk', retryAfterMs: 60_000 });
    expect(clock.t).toBe(1_000_000); // refused without waiting
    expect(limiter.waiting).toBe(0);
  });

  it('lets a bulk caller wait when a slot frees within its bound', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ limit: 2, windowMs: 60_000, now: clock.now, sleep: clock.sleep, lanes: { bulk: { maxWaitMs: 2_000 } } });
    spend(limiter, 1);
    await clock.advance(59_000);
    spend(limiter, 1);
    let granted = false;
    void limiter.acquire({ priority: 'bulk' }).then(() => (granted = true));
    await clock.advance(999);
    expect(granted).toBe(false);
    await clock.advance(1);
    expect(granted).toBe(true);
  });

  it('serves customers before registrations before bulk callers, whatever the order they came in', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ limit: 3, windowMs: 1_000, now: clock.now, sleep: clock.sleep });
    spend(limiter, 3);
    const order: string[] = [];
    const ask = (p: 'interactive' | 'registration' | 'bulk', name: string) =>
      limiter.acquire({ priority: p }).then((release) => {
        order.push(name);
        release();
      });
    const all = [
      ask('bulk', 'b1'),
      ask('registration', 'r1'),
      ask('bulk', 'b2'),
      ask('interactive', 'i1'),
      ask('registration', 'r2'),
      ask('interactive', 'i2'),
    ];
    await clock.advance(1_000);
    await clock.advance(1_000);
    await Promise.all(all);
    expect(order).toEqual(['i1', 'i2', 'r1', 'r2', 'b1', 'b2']);
  });

  it('refuses a waiting bulk caller as soon as customers queue ahead of it and push it past its bound', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ limit: 2, windowMs: 60_000, now: clock.now, sleep: clock.sleep, lanes: { bulk: { maxWaitMs: 2_000 } } });
    spend(limiter, 1);
    await clock.advance(59_000);
    spend(limiter, 1);
    const bulk = refusal(limiter.acquire({ priority: 'bulk' })); // its slot frees in 1 s
    const customer = limiter.acquire({ priority: 'interactive' }); // takes that slot: the next frees in 60 s
    expect(await bulk).toMatchObject({ reason: 'over_budget' });
    await clock.advance(1_000);
    (await customer)();
    expect(clock.t).toBe(1_060_000);
  });

  it('drops a waiter whose caller went away: it never takes a slot, and the next in line gets it', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ limit: 1, windowMs: 1_000, now: clock.now, sleep: clock.sleep });
    spend(limiter, 1);
    const gone = new AbortController();
    const left = refusal(limiter.acquire({ signal: gone.signal }));
    let granted = false;
    void limiter.acquire().then(() => (granted = true));
    gone.abort();
    expect(await left).toMatchObject({ reason: 'aborted' } satisfies Partial<LimiterRefusal>);
    expect(limiter.waiting).toBe(1);
    await clock.advance(1_000);
    expect(granted).toBe(true);
    expect(limiter.used).toBe(1); // the one granted, nothing for the caller who left
  });

  it('refuses a caller already gone without taking a free slot', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ limit: 5, now: clock.now, sleep: clock.sleep });
    const gone = AbortSignal.abort();
    expect(await refusal(limiter.acquire({ signal: gone }))).toMatchObject({ reason: 'aborted' });
    expect(limiter.used).toBe(0);
  });

  it('refuses bounded waiters that a 429 pause outlasts', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ limit: 5, now: clock.now, sleep: clock.sleep, lanes });
    limiter.pauseFor(30_000);
    expect(await refusal(limiter.acquire({ priority: 'interactive' }))).toMatchObject({ reason: 'over_budget', retryAfterMs: 30_000 });
    let granted = false;
    void limiter.acquire({ priority: 'registration' }).then(() => (granted = true)); // no bound: it waits the pause out
    await clock.advance(30_000);
    expect(granted).toBe(true);
  });
});
