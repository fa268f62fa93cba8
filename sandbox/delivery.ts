import { RetrySchedule, attemptSignal } from './retry-schedule';

/**
 * The one signed-delivery loop of the sandbox (QuickPay callbacks, Stripe webhooks): POST the
 * body, signed by the provider, wait for an answer up to a timeout, retry a failure on the
 * provider's schedule. What differs per provider is passed in: the headers (the signature),
 * which statuses count as delivered, the schedule.
 */

/** The provider's real schedule, or short waits a test asked for (`POST /__sandbox/settings`). */
export const RETRY_SPEEDS = ['real', 'fast'] as const;
export type RetrySpeed = (typeof RETRY_SPEEDS)[number];

/** The waits between attempts (attempts = delays + 1) and how long one attempt may take. */
export type RetryPlan = { delaysMs: readonly number[]; timeoutMs: number };

/** One attempt, for the provider's log. */
export type AttemptOutcome = {
  attempt: number;
  url: string;
  status: number | null;
  ok: boolean;
  error?: string;
  at: string;
  durationMs: number;
  /** When the next attempt follows (ms after this one ended); null when delivered or out of tries. */
  retryInMs: number | null;
};

export type DeliveryOptions = {
  /** Names the delivery in a timeout's message ("callback timed out"). */
  what: string;
  /** The headers of one attempt, signature included (called for every attempt: Stripe signs afresh). */
  headers: (body: string) => Record<string, string>;
  isDelivered: (status: number) => boolean;
  /** Read when an attempt fails, so a settings change applies to the next wait. */
  plan: () => RetryPlan;
};

export type DeliveryHooks = {
  onAttempt: (outcome: AttemptOutcome) => void;
  onDelivered?: () => void;
};

export class SignedDelivery {
  private readonly retries = new RetrySchedule();

  constructor(private readonly opts: DeliveryOptions) {}

  /** Queues one delivery; its first attempt starts now. The same body goes out every time. */
  send(url: string, body: string, hooks: DeliveryHooks): void {
    this.retries.begin();
    void this.attempt(url, body, hooks, 1);
  }

  private async attempt(url: string, body: string, hooks: DeliveryHooks, n: number): Promise<void> {
    const stopped = this.retries.signal;
    const started = Date.now();
    const outcome: AttemptOutcome = { attempt: n, url, status: null, ok: false, at: new Date(started).toISOString(), durationMs: 0, retryInMs: null };
    const attemptAbort = attemptSignal(stopped, this.opts.plan().timeoutMs, this.opts.what);
    // The attempt ends when its signal fires even if fetch does not heed it: under a burst with the
    // receiver killed, an aborted fetch was seen never to settle, which stopped that delivery's retries.
    const gaveUp = new Promise<never>((_, reject) => {
      const fire = () => reject(attemptAbort.signal.reason instanceof Error ? attemptAbort.signal.reason : new Error(`${this.opts.what} aborted`));
      if (attemptAbort.signal.aborted) fire();
      else attemptAbort.signal.addEventListener('abort', fire, { once: true });
    });
    const post = async () => {
      const res = await fetch(url, { method: 'POST', redirect: 'manual', signal: attemptAbort.signal, headers: this.opts.headers(body), body });
      await res.arrayBuffer().catch(() => undefined);
      return res.status;
    };
    try {
      const status = await Promise.race([post(), gaveUp]);
      outcome.status = status;
      outcome.ok = this.opts.isDelivered(status);
    } catch (err) {
      outcome.error = (err as Error).message;
    } finally {
      attemptAbort.done();
    }
    if (stopped.aborted) return;
    outcome.durationMs = Date.now() - started;
    const delay = outcome.ok ? undefined : this.opts.plan().delaysMs[n - 1];
    outcome.retryInMs = delay ?? null;
    hooks.onAttempt(outcome);
    if (outcome.ok) hooks.onDelivered?.();
    if (delay === undefined) return this.retries.finish();
    this.retries.retry(delay, () => void this.attempt(url, body, hooks, n + 1));
  }

  /** Resolves when nothing is in flight or waiting for a retry. */
  idle(): Promise<void> {
    return this.retries.idle();
  }

  /** Drops everything queued: fetches under way are aborted, waiting retries never run. */
  stop(): void {
    this.retries.stop();
  }
}
