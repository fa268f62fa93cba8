import { LimiterRefusal, type CallPriority } from '@/lib/provider-http';

/**
 * Keeps this process under `limit` requests per rolling window (Fenerum: 60 a minute per API
 * user). A request holds a slot from the moment it is sent until its answer arrives, and is then
 * remembered for one window from that moment: Fenerum saw it somewhere in between, so counting
 * from the answer can only over-count. Pure logic: the clock and sleep are injected, so tests
 * fake time instead of waiting.
 *
 * Lanes (issue 9): a caller names its priority. Waiters are served strictly by priority, then
 * first come, first served. A lane may fill only its `share` of the window (bulk callers leave
 * room for customers' pages), and waits at most `maxWaitMs`: a caller that surely cannot get a
 * slot in time is refused at once with a LimiterRefusal('over_budget', retryAfterMs), never
 * after sitting out its wait. "Surely" is computed from the slots that will have aged out by
 * then, a lower bound on the wait, so nobody who could have made it is refused; it is checked
 * when the caller arrives, when a caller of higher priority queues ahead of it, on pauseFor and
 * whenever the queue moves. A caller whose AbortSignal fires leaves the queue, spending nothing.
 * Without lanes every caller has the whole window and waits as long as it takes.
 *
 * Why not rate-limiter-flexible (weighed for issue 7): its in-process limiters add nothing this
 * does not do, and its Postgres store counts fixed windows anchored at the first call (so up to
 * twice the limit can land in one rolling minute at a window's edge, the very 429s this avoids),
 * counts a call when it starts rather than while it is in flight, and creates its own table
 * outside our migrations. This one serves a deployment of one process (PGlite); instances
 * sharing a Postgres share one budget through SharedRateLimiter (shared-limiter.ts), with the
 * same semantics, chosen in the composition root (lib/server/context.ts).
 */
export type Lane = {
  /** The longest a caller of this lane waits for a slot; Infinity: as long as it takes. */
  maxWaitMs: number;
  /** The part of the limit this lane may fill, (0, 1]; at least one slot. */
  share: number;
};

export type RateLimiterOptions = {
  limit: number;
  windowMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  lanes?: Partial<Record<CallPriority, Partial<Lane>>>;
  /** The lane of a caller that names none; default `registration`. */
  defaultPriority?: CallPriority;
};

export type AcquireOptions = { priority?: CallPriority; signal?: AbortSignal };

/** Hands the slot back; call it once the answer (or the failure) is in. Repeat calls are ignored. */
export type Release = () => void;

type Waiter = { rank: number; priority: CallPriority; cap: number; deadline: number; grant: (r: Release) => void; refuse: (e: LimiterRefusal) => void };

export const RANK: Record<CallPriority, number> = { interactive: 0, registration: 1, bulk: 2 };

/** What a limiter tells its listeners (metrics): a slot handed out after `waitedMs`, or a caller refused. */
export type LimiterEvent =
  { type: 'granted'; priority: CallPriority; waitedMs: number } | { type: 'refused'; priority: CallPriority; reason: 'over_budget' | 'aborted' };
export type LimiterListener = (event: LimiterEvent) => void;

/** The listeners of a limiter; one that throws never disturbs the limiter or the others. */
export class LimiterEvents {
  private readonly listeners = new Set<LimiterListener>();
  add(listener: LimiterListener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
  emit(event: LimiterEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        /* a listener's failure is its own */
      }
    }
  }
}

/** Each lane's bounded wait and its cap: `share` of `limit`, at least one slot. */
export function laneCaps(limit: number, lanes: RateLimiterOptions['lanes']): Record<CallPriority, { maxWaitMs: number; cap: number }> {
  const lane = (p: CallPriority) => {
    const share = Math.min(1, Math.max(0, lanes?.[p]?.share ?? 1));
    return { maxWaitMs: lanes?.[p]?.maxWaitMs ?? Infinity, cap: Math.max(1, Math.floor(limit * share + 1e-9)) }; // 60 × 2/3 is 40, not 39.999…
  };
  return { interactive: lane('interactive'), registration: lane('registration'), bulk: lane('bulk') };
}
const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class RateLimiter {
  readonly limit: number;
  readonly windowMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly lanes: Record<CallPriority, { maxWaitMs: number; cap: number }>;
  private readonly defaultPriority: CallPriority;
  /** When recent requests finished, oldest first. */
  private readonly finished: number[] = [];
  private inFlight = 0;
  private pausedUntil = 0;
  /** In the order they are served: by rank, then arrival. */
  private readonly waiters: Waiter[] = [];
  private wakeAt = Infinity;
  private readonly events = new LimiterEvents();

  constructor(opts: RateLimiterOptions) {
    if (!Number.isInteger(opts.limit) || opts.limit < 1) throw new RangeError(`rate limit must be a positive integer, got ${opts.limit}`);
    this.limit = opts.limit;
    this.windowMs = opts.windowMs ?? 60_000;
    this.now = opts.now ?? Date.now;
    this.sleep = opts.sleep ?? realSleep;
    this.defaultPriority = opts.defaultPriority ?? 'registration';
    this.lanes = laneCaps(this.limit, opts.lanes);
  }

  /** Every grant (with its wait) and refusal, for metrics; returns the unsubscribe. */
  onEvent(listener: LimiterListener): () => void {
    return this.events.add(listener);
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
   * How long until a slot of this lane is free: 0 now, a number of ms, or Infinity when every
   * slot is held by a request in flight (its release frees one).
   */
  waitMs(priority: CallPriority = this.defaultPriority): number {
    const now = this.now();
    this.prune(now);
    if (now < this.pausedUntil) return this.pausedUntil - now;
    const excess = this.inFlight + this.finished.length - this.lanes[priority].cap + 1;
    if (excess <= 0) return 0;
    if (excess > this.finished.length) return Infinity;
    return (this.finished[excess - 1] ?? now) + this.windowMs - now;
  }

  /** A slot now, or null (never jumps a waiter of the same or a higher priority). */
  tryAcquire(priority: CallPriority = this.defaultPriority): Release | null {
    if (this.waiters.some((w) => w.rank <= RANK[priority]) || this.waitMs(priority) !== 0) return null;
    return this.take();
  }

  /** Waits for a slot; rejects with a LimiterRefusal when over budget or aborted. */
  acquire(opts: AcquireOptions = {}): Promise<Release> {
    const priority = opts.priority ?? this.defaultPriority;
    const signal = opts.signal;
    if (signal?.aborted) return Promise.reject(this.refused(new LimiterRefusal('aborted', 0, priority)));
    const release = this.tryAcquire(priority);
    if (release) {
      this.events.emit({ type: 'granted', priority, waitedMs: 0 });
      return Promise.resolve(release);
    }
    const arrived = this.now();
    return new Promise<Release>((resolve, reject) => {
      const onAbort = () => this.leave(waiter, new LimiterRefusal('aborted', 0, priority));
      const done = () => signal?.removeEventListener('abort', onAbort);
      const { cap, maxWaitMs } = this.lanes[priority];
      const waiter: Waiter = {
        rank: RANK[priority],
        priority,
        cap,
        deadline: this.now() + maxWaitMs,
        grant: (r) => (done(), this.events.emit({ type: 'granted', priority, waitedMs: this.now() - arrived }), resolve(r)),
        refuse: (e) => (done(), reject(this.refused(e))),
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const at = this.waiters.findIndex((w) => w.rank > waiter.rank);
      this.waiters.splice(at === -1 ? this.waiters.length : at, 0, waiter);
      this.pump();
    });
  }

  /** Holds every request back for `ms` (Fenerum said 429 with Retry-After). */
  pauseFor(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
    this.pump();
  }

  private refused(e: LimiterRefusal): LimiterRefusal {
    this.events.emit({ type: 'refused', priority: e.priority ?? this.defaultPriority, reason: e.reason });
    return e;
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

  private leave(waiter: Waiter, why: LimiterRefusal): void {
    const i = this.waiters.indexOf(waiter);
    if (i === -1) return;
    this.waiters.splice(i, 1);
    waiter.refuse(why);
    this.pump();
  }

  private prune(now: number): void {
    while (this.finished.length > 0 && (this.finished[0] ?? now) <= now - this.windowMs) this.finished.shift();
  }

  /** The least time before a caller of `cap` with `ahead` callers before it can have a slot. */
  private leastWaitMs(cap: number, ahead: number, now: number): number {
    const paused = Math.max(0, this.pausedUntil - now);
    const excess = this.inFlight + this.finished.length + ahead - cap + 1;
    if (excess <= 0) return paused;
    // A request in flight is counted for a whole window after its answer, which is still to come.
    const aged = excess > this.finished.length ? now + this.windowMs : (this.finished[excess - 1] ?? now) + this.windowMs;
    return Math.max(paused, aged - now);
  }

  /** Refuses every waiter that can no longer get a slot before its wait runs out. */
  private refuseHopeless(): void {
    const now = this.now();
    this.prune(now);
    let ahead = 0;
    for (const waiter of [...this.waiters]) {
      const least = this.leastWaitMs(waiter.cap, ahead, now);
      if (least <= waiter.deadline - now) {
        ahead += 1;
        continue;
      }
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.refuse(new LimiterRefusal('over_budget', Math.max(1_000, least), waiter.priority));
    }
  }

  private pump(): void {
    this.refuseHopeless();
    for (let head = this.waiters[0]; head; head = this.waiters[0]) {
      const wait = this.waitMs(head.priority);
      if (wait === Infinity) return; // a release will pump again
      if (wait > 0) return this.wakeIn(wait);
      this.waiters.shift();
      head.grant(this.take());
    }
  }

  private wakeIn(ms: number): void {
    const at = this.now() + ms;
    if (at >= this.wakeAt) return; // an earlier wake-up is already set
    this.wakeAt = at;
    void this.sleep(ms).then(() => {
      if (this.wakeAt === at) this.wakeAt = Infinity;
      this.pump();
    });
  }
}
