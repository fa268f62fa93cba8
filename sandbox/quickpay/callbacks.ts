import { createHmac } from 'node:crypto';
import { RetrySchedule, attemptSignal } from '../retry-schedule';
import { API_VERSION, CALLBACK_USER_AGENT } from './config';

/** One delivery attempt, for GET /__sandbox/callbacks and tests. */
export type CallbackAttempt = {
  callbackId: number;
  subscriptionId: number;
  attempt: number;
  url: string;
  status: number | null;
  ok: boolean;
  error?: string;
  at: string;
  durationMs: number;
};

/** `QuickPay-Checksum-Sha256`: hex HMAC-SHA256 of the raw body, keyed with the private key. */
export const checksum = (body: string, privateKey: string): string => createHmac('sha256', privateKey).update(body, 'utf8').digest('hex');

/** 2xx, and also 302/303 (QuickPay counts a redirect as delivered). */
export const isDelivered = (status: number): boolean => (status >= 200 && status < 300) || status === 302 || status === 303;

type DispatcherOptions = { privateKey: string; merchantId: number; delaysMs: number[]; timeoutMs: number };

/**
 * QuickPay's callback service: POSTs the resource as it was when the operation happened,
 * signed, and retries a failed delivery on the schedule (the same body each time).
 */
export class CallbackDispatcher {
  readonly attempts: CallbackAttempt[] = [];
  private nextId = 1;
  private readonly retries = new RetrySchedule();

  constructor(private readonly opts: DispatcherOptions) {}

  /** Queues one callback (its first attempt starts now); returns its id. */
  send(subscriptionId: number, url: string, body: string): number {
    const id = this.nextId++;
    this.retries.begin();
    void this.attempt(id, subscriptionId, url, body, 1);
    return id;
  }

  private async attempt(callbackId: number, subscriptionId: number, url: string, body: string, n: number): Promise<void> {
    const stopped = this.retries.signal;
    const started = Date.now();
    const record: CallbackAttempt = { callbackId, subscriptionId, attempt: n, url, status: null, ok: false, at: new Date(started).toISOString(), durationMs: 0 };
    const attemptAbort = attemptSignal(stopped, this.opts.timeoutMs, 'callback');
    try {
      const res = await fetch(url, {
        method: 'POST',
        redirect: 'manual',
        signal: attemptAbort.signal,
        headers: {
          'content-type': 'application/json',
          'user-agent': CALLBACK_USER_AGENT,
          'quickpay-resource-type': 'Subscription',
          'quickpay-account-id': String(this.opts.merchantId),
          'quickpay-api-version': API_VERSION,
          'quickpay-checksum-sha256': checksum(body, this.opts.privateKey),
        },
        body,
      });
      await res.arrayBuffer().catch(() => undefined);
      record.status = res.status;
      record.ok = isDelivered(res.status);
    } catch (err) {
      record.error = (err as Error).message;
    } finally {
      attemptAbort.done();
    }
    if (stopped.aborted) return;
    record.durationMs = Date.now() - started;
    this.attempts.push(record);
    const delay = this.opts.delaysMs[n - 1];
    if (record.ok || delay === undefined) return this.retries.finish();
    this.retries.retry(delay, () => void this.attempt(callbackId, subscriptionId, url, body, n + 1));
  }

  /** Resolves when no callback is in flight or waiting for a retry. */
  idle(): Promise<void> {
    return this.retries.idle();
  }

  /** Drops everything queued and the log (reset, close). */
  stop(): void {
    this.retries.stop();
    this.attempts.length = 0;
  }
}
