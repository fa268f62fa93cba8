import { setMaxListeners } from 'node:events';

/**
 * The bookkeeping behind the signed-delivery loop (delivery.ts: QuickPay callbacks, Stripe
 * webhooks): how much work is in flight or waiting for a retry, the retry timers, and an
 * abort signal that `stop()` fires so that fetches under way are dropped.
 */
export class RetrySchedule {
  private pending = 0;
  private waiters: Array<() => void> = [];
  private timers = new Set<NodeJS.Timeout>();
  private abort = listenedByEveryAttempt();

  /** Fires on `stop()`; an attempt reads it when it starts and gives up if it has fired. */
  get signal(): AbortSignal {
    return this.abort.signal;
  }

  /** One more delivery in flight until `finish()`. */
  begin(): void {
    this.pending++;
  }

  /** Runs `attempt` after `delayMs`, unless `stop()` comes first. */
  retry(delayMs: number, attempt: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      attempt();
    }, delayMs);
    this.timers.add(timer);
  }

  /** A delivery is over (delivered or out of retries). */
  finish(): void {
    this.pending--;
    if (this.pending === 0) for (const w of this.waiters.splice(0)) w();
  }

  /** Resolves when nothing is in flight or waiting for a retry. */
  idle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Drops everything queued: aborts fetches under way, clears the timers, releases `idle()`. */
  stop(): void {
    this.abort.abort();
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.pending = 0;
    for (const w of this.waiters.splice(0)) w();
    this.abort = listenedByEveryAttempt();
  }
}

/**
 * Every attempt under way listens to the schedule's signal (attemptSignal): a burst has a
 * thousand at once, which is by design, not the leak Node's 10-listener warning looks for.
 */
function listenedByEveryAttempt(): AbortController {
  const abort = new AbortController();
  setMaxListeners(0, abort.signal);
  return abort;
}

/**
 * A signal for one delivery attempt: aborted by its own timer or when the schedule stops.
 * One plain controller on purpose: with AbortSignal.any() some attempts hung for good under
 * load on Node 20 (the composite signal never fired). Call `done()` when the attempt ends.
 */
export function attemptSignal(stopped: AbortSignal, timeoutMs: number, what = 'delivery'): { signal: AbortSignal; done: () => void } {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(new DOMException(`${what} timed out`, 'TimeoutError')), timeoutMs);
  const onStop = () => abort.abort(stopped.reason);
  stopped.addEventListener('abort', onStop, { once: true });
  return {
    signal: abort.signal,
    done: () => {
      clearTimeout(timer);
      stopped.removeEventListener('abort', onStop);
    },
  };
}
