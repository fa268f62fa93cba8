import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter';

/** A fake clock: sleep moves time forward instead of waiting (never backwards, for concurrent sleepers). */
function fakeClock(start = 1_000_000) {
  const clock = {
    t: start,
    slept: [] as number[],
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.slept.push(ms);
      const target = clock.t + ms;
      await Promise.resolve();
      clock.t = Math.max(clock.t, target);
    },
  };
  return clock;
}

const flush = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

describe('RateLimiter', () => {
  it('grants up to the limit at once, then makes the next caller wait a window from the oldest finish', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ limit: 3, windowMs: 60_000, now: clock.now, sleep: clock.sleep });
    const start = clock.t;
    for (let i = 0; i < 3; i++) {
      const release = limiter.tryAcquire();
      expect(release).not.toBeNull();
      clock.t += 1_000;
      release?.();
    }
    expect(limiter.tryAcquire()).toBeNull();
    // The first request finished at start+1000, so a slot frees at start+61000.
    expect(limiter.waitMs()).toBe(start + 61_000 - clock.t);
    const release = await limiter.acquire();
    expect(clock.t).toBe(start + 61_000);
    release();
  });

  it('counts a request in flight until it is released, however long it takes', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ limit: 2, now: clock.now, sleep: clock.sleep });
    const a = limiter.tryAcquire();
    const b = limiter.tryAcquire();
    expect(limiter.waitMs()).toBe(Infinity);
    let grantedAt: number | undefined;
    void limiter.acquire().then(() => (grantedAt = clock.t));
    clock.t += 5 * 60_000; // time alone frees nothing while both are in flight
    await flush();
    expect(grantedAt).toBeUndefined();
    expect(clock.slept).toEqual([]);
    const releasedAt = clock.t;
    a?.();
    await flush();
    // The finished request still counts for one window from its answer.
    expect(grantedAt).toBe(releasedAt + 60_000);
    b?.();
  });

  it('serves waiters first come, first served', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ limit: 1, windowMs: 1_000, now: clock.now, sleep: clock.sleep });
    const order: number[] = [];
    const tasks = [1, 2, 3].map((n) =>
      limiter.acquire().then((release) => {
        order.push(n);
        release();
      }),
    );
    await Promise.all(tasks);
    expect(order).toEqual([1, 2, 3]);
  });

  it('never lets more than the limit into any rolling window, under a burst of 50', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ limit: 5, windowMs: 60_000, now: clock.now, sleep: clock.sleep });
    const sent: number[] = [];
    await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const release = await limiter.acquire();
        sent.push(clock.t);
        await clock.sleep(100 + (i % 7) * 50); // the request takes a while
        release();
      }),
    );
    expect(sent).toHaveLength(50);
    for (const t of sent) {
      const inWindow = sent.filter((s) => s > t - 60_000 && s <= t).length;
      expect(inWindow).toBeLessThanOrEqual(5);
    }
    // 50 requests at 5 per minute need at least 9 full windows.
    expect(Math.max(...sent) - Math.min(...sent)).toBeGreaterThanOrEqual(9 * 60_000);
  });

  it('holds everyone back after pauseFor (a 429 with Retry-After)', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ limit: 10, now: clock.now, sleep: clock.sleep });
    const start = clock.t;
    limiter.pauseFor(2_000);
    expect(limiter.tryAcquire()).toBeNull();
    const release = await limiter.acquire();
    expect(clock.t).toBe(start + 2_000);
    release();
  });

  it('ignores a second release of the same slot', () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ limit: 2, now: clock.now, sleep: clock.sleep });
    const release = limiter.tryAcquire();
    release?.();
    release?.();
    expect(limiter.used).toBe(1);
  });

  it('refuses a limit that is not a positive integer', () => {
    expect(() => new RateLimiter({ limit: 0 })).toThrow(RangeError);
    expect(() => new RateLimiter({ limit: 1.5 })).toThrow(RangeError);
  });
});
