import { randomUUID } from 'node:crypto';
import { LimiterRefusal, type CallPriority } from '@/lib/provider-http';
import { LimiterEvents, RANK, laneCaps, type LimiterListener, type RateLimiterOptions, type Release } from './rate-limiter';
import type { BudgetSnapshot, BudgetStore } from './shared-limiter-store';
import { log } from '@/lib/log';

/**
 * The rate limiter of a deployment whose instances share one Postgres (issue 25): the budget
 * (`limit` per rolling window, for every instance together) lives in one database row
 * (shared-limiter-store.ts), taken and released with one UPDATE each, so two instances can never
 * spend 2 × the limit. The semantics are the in-process RateLimiter's (rate-limiter.ts): a slot
 * is held while its request is in flight and counted one window from its answer; lanes with
 * shares and bounded waits, refusals with LimiterRefusal('over_budget', retryAfterMs) as soon as
 * a caller surely cannot make it; Fenerum's 429 + Retry-After pauses every instance.
 *
 * Within an instance, waiters are served by lane, then in order of arrival. Across instances,
 * an instance whose first waiter cannot have a slot leaves a wish in the row (its lane, for a
 * few seconds, renewed while it waits): no other instance hands a slot to a lower lane meanwhile,
 * so customers go first and registrations are never starved by another instance's bulk callers.
 * One waiter per instance asks the database at a time; the others wait in memory, so a burst
 * costs one round trip per slot handed out, not per caller.
 */
export type SharedRateLimiterOptions = Omit<RateLimiterOptions, 'limit' | 'now'> & {
  limit: number;
  store: BudgetStore;
  /** The local clock (ms), for waits and deadlines; default Date.now. */
  now?: () => number;
  /** The longest a waiting instance goes without asking again (another instance may pause or leave). */
  pollMs?: number;
};

type Waiter = {
  rank: number;
  priority: CallPriority;
  cap: number;
  maxWaitMs: number;
  arrived: number;
  grant: (r: Release) => void;
  refuse: (e: LimiterRefusal) => void;
};

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class SharedRateLimiter {
  readonly limit: number;
  readonly windowMs: number;
  private readonly store: BudgetStore;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly lanes: Record<CallPriority, { maxWaitMs: number; cap: number }>;
  private readonly defaultPriority: CallPriority;
  private readonly pollMs: number;
  private readonly events = new LimiterEvents();
  private readonly waiters: Waiter[] = [];
  /** The last answer from the database, and when (local clock) it came. */
  private last: { snap: BudgetSnapshot; at: number } | undefined;
  private pumping = false;
  /** Ends the pump's current sleep early (a caller arrived or left). */
  private wake: (() => void) | undefined;
  /** This instance left a wish in the row that is still to be withdrawn. */
  private wished = false;

  constructor(opts: SharedRateLimiterOptions) {
    if (!Number.isInteger(opts.limit) || opts.limit < 1) throw new RangeError(`rate limit must be a positive integer, got ${opts.limit}`);
    this.limit = opts.limit;
    this.windowMs = opts.windowMs ?? 60_000;
    this.store = opts.store;
    this.now = opts.now ?? Date.now;
    this.sleep = opts.sleep ?? realSleep;
    this.defaultPriority = opts.defaultPriority ?? 'registration';
    this.pollMs = opts.pollMs ?? 1_000;
    this.lanes = laneCaps(this.limit, opts.lanes);
  }

  get waiting(): number {
    return this.waiters.length;
  }

  /** Every grant (with its wait) and refusal, for metrics; returns the unsubscribe. */
  onEvent(listener: LimiterListener): () => void {
    return this.events.add(listener);
  }

  /** Waits for a slot; rejects with a LimiterRefusal when over budget or aborted. */
  acquire(opts: { priority?: CallPriority; signal?: AbortSignal } = {}): Promise<Release> {
    const priority = opts.priority ?? this.defaultPriority;
    const signal = opts.signal;
    if (signal?.aborted) return Promise.reject(this.refusal(new LimiterRefusal('aborted', 0, priority)));
    return new Promise<Release>((resolve, reject) => {
      const onAbort = () => this.leave(waiter, new LimiterRefusal('aborted', 0, priority));
      const done = () => signal?.removeEventListener('abort', onAbort);
      const waiter: Waiter = {
        rank: RANK[priority],
        priority,
        ...this.lanes[priority],
        arrived: this.now(),
        grant: (r) => (done(), this.events.emit({ type: 'granted', priority, waitedMs: this.now() - waiter.arrived }), resolve(r)),
        refuse: (e) => (done(), reject(this.refusal(e))),
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const at = this.waiters.findIndex((w) => w.rank > waiter.rank);
      this.waiters.splice(at === -1 ? this.waiters.length : at, 0, waiter);
      // Refused at once, without a round trip, when the last answer already shows it cannot make it.
      this.refuseHopeless();
      this.wake?.();
      void this.pump();
    });
  }

  /** Holds every instance back for `ms` (Fenerum said 429 with Retry-After). */
  pauseFor(ms: number): void {
    if (this.last) this.last.snap.pausedUntil = Math.max(this.last.snap.pausedUntil, this.dbNow() + ms);
    this.store.pause(ms).catch((err: unknown) => log.warn({ err: String(err) }, 'rate limiter: the pause was not stored'));
  }

  private refusal(e: LimiterRefusal): LimiterRefusal {
    this.events.emit({ type: 'refused', priority: e.priority ?? this.defaultPriority, reason: e.reason });
    return e;
  }

  private leave(waiter: Waiter, why: LimiterRefusal): void {
    const i = this.waiters.indexOf(waiter);
    if (i === -1) return;
    this.waiters.splice(i, 1);
    waiter.refuse(why);
    this.wake?.();
  }

  /** The database's time now, from the last answer and the local time since. */
  private dbNow(): number {
    return this.last ? this.last.snap.now + (this.now() - this.last.at) : 0;
  }

  /** The least time before a caller of `cap` with `ahead` callers before it can have a slot (rate-limiter.ts's bound). */
  private leastWaitMs(snap: BudgetSnapshot, now: number, cap: number, ahead: number): number {
    const paused = Math.max(0, snap.pausedUntil - now);
    const finished = snap.finished.filter((t) => t > now - this.windowMs);
    const excess = snap.inFlight + finished.length + ahead - cap + 1;
    if (excess <= 0) return paused;
    const aged = excess > finished.length ? now + this.windowMs : (finished[excess - 1] ?? now) + this.windowMs;
    return Math.max(paused, aged - now);
  }

  /** Refuses every waiter the last answer shows cannot have a slot before its wait runs out. */
  private refuseHopeless(): void {
    // An old answer's requests in flight may long be done: only a fresh one may refuse anybody.
    if (!this.last || this.now() - this.last.at > this.pollMs) return;
    const snap = this.last.snap;
    const now = this.dbNow();
    const local = this.now();
    let ahead = 0;
    for (const waiter of [...this.waiters]) {
      const least = this.leastWaitMs(snap, now, waiter.cap, ahead);
      if (least <= waiter.arrived + waiter.maxWaitMs - local) {
        ahead += 1;
        continue;
      }
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.refuse(new LimiterRefusal('over_budget', Math.max(1_000, least), waiter.priority));
    }
  }

  /** One loop per instance: asks the database for the first waiter's slot, sleeps until one may be free. */
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (;;) {
        const head = this.waiters[0];
        if (!head) {
          if (this.wished) await this.ask({ token: null, cap: 0, rank: 0, wishIfGranted: null, wishIfNot: null });
          if (!this.waiters[0]) return;
          continue;
        }
        const token = randomUUID();
        const wishIfGranted = this.waiters[1]?.rank ?? null;
        const snap = await this.ask({ token, cap: head.cap, rank: head.rank, wishIfGranted, wishIfNot: head.rank });
        if (snap.granted) {
          if (this.waiters[0] === head) {
            this.waiters.shift();
            head.grant(this.releaser(token));
          } else {
            // The caller left (aborted) while the slot was being taken: hand it back unspent.
            await this.store.release(token, false);
          }
          continue;
        }
        this.refuseHopeless();
        if (this.waiters[0] !== head) continue;
        const least = this.leastWaitMs(snap, snap.now, head.cap, 0);
        // 0: the budget has room but another instance waits with a better lane, or lost a race: ask again soon.
        await this.nap(Math.min(this.pollMs, Math.max(least, 25)));
      }
    } catch (err) {
      // The database is down: every waiter hears it as a refusal, and the next caller tries again.
      for (const w of this.waiters.splice(0)) w.refuse(new LimiterRefusal('over_budget', 1_000, w.priority));
      log.warn({ err: String(err) }, 'rate limiter: the shared budget could not be read');
    } finally {
      this.pumping = false;
    }
  }

  private async ask(req: Parameters<BudgetStore['take']>[0]): Promise<BudgetSnapshot> {
    const snap = await this.store.take(req);
    this.last = { snap, at: this.now() };
    this.wished = (snap.granted ? req.wishIfGranted : req.wishIfNot) !== null;
    return snap;
  }

  private nap(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        this.wake = undefined;
        resolve();
      };
      this.wake = done;
      void this.sleep(ms).then(() => {
        if (this.wake === done) done();
      });
    });
  }

  private releaser(token: string): Release {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.store.release(token, true).catch((err: unknown) => log.warn({ err: String(err) }, 'rate limiter: a slot was not released (it ages out)'));
    };
  }
}
