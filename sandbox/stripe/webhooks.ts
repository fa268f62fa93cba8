import { createHmac } from 'node:crypto';
import { RetrySchedule, attemptSignal } from '../retry-schedule';
import { webhookRetryDelaysMs, webhookTimeoutMs } from './config';
import type { StripeEvent } from './events';

/** One delivery attempt, for the control endpoint and tests. */
export type WebhookDelivery = {
  eventId: string;
  eventType: string;
  attempt: number;
  url: string;
  status: number | null;
  ok: boolean;
  error?: string;
  at: string;
};

/** `Stripe-Signature: t=<ts>,v1=<hex HMAC-SHA256 of "<ts>.<payload>">`, as Stripe signs. */
export function signPayload(payload: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const v1 = createHmac('sha256', secret).update(`${timestamp}.${payload}`, 'utf8').digest('hex');
  return `t=${timestamp},v1=${v1}`;
}

/** Delivers events to one endpoint with retries and backoff; each attempt is signed afresh. */
export class WebhookDispatcher {
  readonly deliveries: WebhookDelivery[] = [];
  private readonly retries = new RetrySchedule();

  constructor(
    public url: string | undefined,
    private readonly secret: string,
    private readonly fast: boolean,
  ) {}

  /** Queues the event; `onDelivered` runs once an attempt gets a 2xx. Returns endpoints pending. */
  send(event: StripeEvent, onDelivered: () => void): number {
    const url = this.url;
    if (!url) return 0;
    this.retries.begin();
    void this.attempt(event, url, 1, onDelivered);
    return 1;
  }

  private async attempt(event: StripeEvent, url: string, n: number, onDelivered: () => void): Promise<void> {
    // Stripe sends pretty-printed JSON: a handler that re-serializes a parsed body breaks the signature.
    const payload = JSON.stringify(event, null, 2);
    const stopped = this.retries.signal;
    const record: WebhookDelivery = { eventId: event.id, eventType: event.type, attempt: n, url, status: null, ok: false, at: new Date().toISOString() };
    const attemptAbort = attemptSignal(stopped, webhookTimeoutMs(this.fast), 'webhook');
    try {
      const res = await fetch(url, {
        method: 'POST',
        redirect: 'manual',
        signal: attemptAbort.signal,
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          'cache-control': 'no-cache',
          accept: '*/*; q=0.5, application/xml',
          'stripe-signature': signPayload(payload, this.secret),
        },
        body: payload,
      });
      await res.arrayBuffer().catch(() => undefined);
      record.status = res.status;
      record.ok = res.status >= 200 && res.status < 300;
    } catch (err) {
      record.error = (err as Error).message;
    } finally {
      attemptAbort.done();
    }
    if (stopped.aborted) return;
    this.deliveries.push(record);
    if (record.ok) {
      onDelivered();
      return this.retries.finish();
    }
    const delay = webhookRetryDelaysMs(this.fast)[n - 1];
    if (delay === undefined) return this.retries.finish();
    this.retries.retry(delay, () => void this.attempt(event, url, n + 1, onDelivered));
  }

  /** Resolves when nothing is in flight or waiting for a retry. */
  idle(): Promise<void> {
    return this.retries.idle();
  }

  /** Drops everything queued (reset, close). */
  stop(): void {
    this.retries.stop();
  }

  clearLog(): void {
    this.deliveries.length = 0;
  }
}
