/**
 * Keeps this process under `limit` requests per rolling window (Fenerum: 60 a minute per API
 * user). A request holds a slot from the moment it is sent until its answer arrives, and is then
 * remembered for one window from that moment: Fenerum saw it somewhere in between, so counting
 * from the answer can only over-count. Callers wait (first come, first served); nothing fails.
 * Pure logic: the clock and sleep are injected, so tests fake time instead of waiting.
 *
 * Why not rate-limiter-flexible (weighed for issue 7): its in-process limiters add nothing this
 * does not do, and its Postgres store counts fixed windows anchored at the first call (so up to
 * twice the limit can land in one rolling minute at a window's edge, the very 429s this avoids),
 * counts a call when it starts rather than while it is in flight, costs a database round trip
 * before every Fenerum call, and creates its own table outside our migrations. One app process
 * per deployment keeps this enough; should several share one Fenerum user, each still honours
 * Fenerum's 429 + Retry-After, and a shared limiter plugs into provider-http's limiter hook.
 */
export type RateLimiterOptions = {
  limit: number;
  windowMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
};

/** Hands the slot back; call it once the answer (or the failure) is in. Repeat calls are ignored. */
export type Release = () => void;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class RateLimiter {
  readonly limit: number;
  readonly windowMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  /** When recent requests finished, oldest first. */
  private readonly finished: number[] = [];
  private inFlight = 0;
  private pausedUntil = 0;
  private readonly waiters: Array<(release: Release) => void> = [];
  private sleeping = false;

  constructor(opts: RateLimiterOptions) {
    if (!Number.isInteger(opts.limit) || opts.limit < 1) throw new RangeError(`rate limit must be a positive integer, got ${opts.limit}`);
    this.limit = opts.limit;
    this.windowMs = opts.windowMs ?? 60_000;
    this.now = opts.now ?? Date.now;
    this.sleep = opts.sleep ?? realSleep;
  }

  /** Requests counted right now: in flight plus finished within the window. */
  get used(): number {
    this.prune(this.now());
    return this.inFlight + this.finished.length;
  }

  get waiting(): number {
    return this.waiters.length;
  }

  /**
   * How long until a slot is free: 0 now, a number of ms, or Infinity when every slot is held
   * by a request in flight (its release frees one).
   */
  waitMs(): number {
    const now = this.now();
    this.prune(now);
    if (now < this.pausedUntil) return this.pausedUntil - now;
    const excess = this.inFlight + this.finished.length - this.limit + 1;
    if (excess <= 0) return 0;
    if (excess > this.finished.length) return Infinity;
    return (this.finished[excess - 1] ?? now) + this.windowMs - now;
  }

  /** A slot now, or null (never jumps the queue). */
  tryAcquire(): Release | null {
    if (this.waiters.length > 0 || this.waitMs() !== 0) return null;
    return this.take();
  }

  /** Waits for a slot. */
  acquire(): Promise<Release> {
    const release = this.tryAcquire();
    if (release) return Promise.resolve(release);
    return new Promise<Release>((resolve) => {
      this.waiters.push(resolve);
      this.pump();
    });
  }

  /** Holds every request back for `ms` (Fenerum said 429 with Retry-After). */
  pauseFor(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
  }

  private take(): Release {
    this.inFlight += 1;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.inFlight -= 1;
      this.finished.push(this.now());
      this.pump();
    };
  }

  private prune(now: number): void {
    while (this.finished.length > 0 && (this.finished[0] ?? now) <= now - this.windowMs) this.finished.shift();
  }

  private pump(): void {
    while (this.waiters.length > 0) {
      const wait = this.waitMs();
      if (wait === Infinity) return; // a release will pump again
      if (wait > 0) {
        if (this.sleeping) return;
        this.sleeping = true;
        void this.sleep(wait).then(() => {
          this.sleeping = false;
          this.pump();
        });
        return;
      }
      const next = this.waiters.shift();
      next?.(this.take());
    }
  }
}
