import { SignedDelivery, type AttemptOutcome, type RetryPlan } from '../delivery';

/** Fenerum's opt-in payment and card events (PROVIDERS.md): each is sent only when listed on the webhook. */
export const FENERUM_WEBHOOK_EVENTS = [
  'payment.authentication_required',
  'payment.declined',
  'card_expires_this_month',
  'payment_card.activated',
  'payment_card.deactivated',
] as const;

/** One endpoint, as an operator sets it up in Fenerum: URL, Basic credentials, the events listed. */
export type WebhookConfig = { url: string | null; username: string; password: string; events: string[] };
export type FenerumWebhookDelivery = Omit<AttemptOutcome, 'durationMs'> & { event: string; body: string };

/**
 * Fenerum's retry policy is unconfirmed (PROVIDERS.md): a few tries over minutes here; `fast`
 * (a test's setting) retries within a second.
 */
const PLANS: Record<'real' | 'fast', RetryPlan> = {
  real: { delaysMs: [10_000, 60_000, 300_000], timeoutMs: 10_000 },
  fast: { delaysMs: [50, 200, 800], timeoutMs: 5_000 },
};

/** Sends `{event, data}` with HTTP Basic auth to the configured endpoint; any 2xx acknowledges. */
export class FenerumWebhooks {
  readonly deliveries: FenerumWebhookDelivery[] = [];
  config: WebhookConfig;
  speed: 'real' | 'fast' = 'real';
  private delivery: SignedDelivery;

  constructor(private readonly initial: WebhookConfig) {
    this.config = { ...initial, events: [...initial.events] };
    this.delivery = this.makeDelivery();
  }

  private makeDelivery(): SignedDelivery {
    return new SignedDelivery({
      what: 'Fenerum webhook',
      plan: () => PLANS[this.speed],
      isDelivered: (status) => status >= 200 && status < 300,
      headers: () => ({
        'content-type': 'application/json',
        'user-agent': 'Fenerum-Webhooks (sandbox)',
        authorization: `Basic ${Buffer.from(`${this.config.username}:${this.config.password}`).toString('base64')}`,
      }),
    });
  }

  /** Queues one webhook; false (nothing sent) when no URL is set or the event is not listed. */
  send(event: string, data: Record<string, unknown>): boolean {
    const url = this.config.url;
    if (!url || !this.config.events.includes(event)) return false;
    const body = JSON.stringify({ event, data });
    this.delivery.send(url, body, { onAttempt: ({ durationMs: _, ...outcome }) => this.deliveries.push({ event, body, ...outcome }) });
    return true;
  }

  idle(): Promise<void> {
    return this.delivery.idle();
  }

  /** Back to the configured endpoint, nothing pending, an empty log. */
  reset(): void {
    this.delivery.stop();
    this.delivery = this.makeDelivery();
    this.deliveries.length = 0;
    this.config = { ...this.initial, events: [...this.initial.events] };
    this.speed = 'real';
  }
}
