import { createHmac } from 'node:crypto';
import { SignedDelivery, type AttemptOutcome, type RetryPlan } from '../delivery';
import type { StripeEvent } from './events';

/** One delivery attempt, for the control endpoint and tests. */
export type WebhookDelivery = Omit<AttemptOutcome, 'durationMs'> & { eventId: string; eventType: string };

/** `Stripe-Signature: t=<ts>,v1=<hex HMAC-SHA256 of "<ts>.<payload>">`, as Stripe signs. */
function signPayload(payload: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const v1 = createHmac('sha256', secret).update(`${timestamp}.${payload}`, 'utf8').digest('hex');
  return `t=${timestamp},v1=${v1}`;
}

/** Delivers events to one endpoint with retries and backoff; each attempt is signed afresh. */
export class WebhookDispatcher {
  readonly deliveries: WebhookDelivery[] = [];
  private readonly delivery: SignedDelivery;

  constructor(
    public url: string | undefined,
    secret: string,
    plan: () => RetryPlan,
  ) {
    this.delivery = new SignedDelivery({
      what: 'webhook',
      plan,
      isDelivered: (status) => status >= 200 && status < 300,
      headers: (payload) => ({
        'content-type': 'application/json; charset=utf-8',
        'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
        'cache-control': 'no-cache',
        accept: '*/*; q=0.5, application/xml',
        'stripe-signature': signPayload(payload, secret),
      }),
    });
  }

  /** Queues the event; `onDelivered` runs once an attempt gets a 2xx. Returns endpoints pending. */
  send(event: StripeEvent, onDelivered: () => void): number {
    const url = this.url;
    if (!url) return 0;
    // Stripe sends pretty-printed JSON: a handler that re-serializes a parsed body breaks the signature.
    const payload = JSON.stringify(event, null, 2);
    this.delivery.send(url, payload, {
      onDelivered,
      onAttempt: ({ durationMs: _, ...outcome }) => this.deliveries.push({ eventId: event.id, eventType: event.type, ...outcome }),
    });
    return 1;
  }

  /** Resolves when nothing is in flight or waiting for a retry. */
  idle(): Promise<void> {
    return this.delivery.idle();
  }

  /** Drops everything queued (reset, close). */
  stop(): void {
    this.delivery.stop();
  }

  clearLog(): void {
    this.deliveries.length = 0;
  }
}
