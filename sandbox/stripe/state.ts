import type Stripe from 'stripe';
import type { RetrySpeed } from '../delivery';
import { WEBHOOK_RETRY_PLANS, type StripeEmulatorOptions } from './config';
import { EventLog } from './events';
import { IdempotencyStore } from './idempotency';
import type { Challenge, PaymentIntentRecord, PaymentMethodRecord, RequestInfo, StoredObject } from './records';
import { WebhookDispatcher } from './webhooks';

/** Everything the emulator holds; `reset()` forgets it all. */
export class StripeState {
  readonly customers = new Map<string, Stripe.Customer>();
  readonly deletedCustomers = new Set<string>();
  readonly paymentMethods = new Map<string, PaymentMethodRecord>();
  readonly setupIntents = new Map<string, Stripe.SetupIntent>();
  readonly paymentIntents = new Map<string, PaymentIntentRecord>();
  readonly setupAttempts = new Map<string, Stripe.SetupAttempt>();
  readonly mandates = new Map<string, Stripe.Mandate>();
  readonly charges = new Map<string, Stripe.Charge>();
  readonly challenges = new Map<string, Challenge>();
  readonly idempotency = new IdempotencyStore();
  readonly webhooks: WebhookDispatcher;
  readonly events: EventLog;
  /** What a test may change through POST /__sandbox/settings; reset() restores it. */
  readonly settings: { retrySchedule: RetrySpeed };
  private timers = new Set<NodeJS.Timeout>();

  constructor(readonly options: StripeEmulatorOptions) {
    this.settings = { retrySchedule: options.retrySchedule ?? 'real' };
    this.webhooks = new WebhookDispatcher(options.webhookUrl, options.webhookSecret, () => WEBHOOK_RETRY_PLANS[this.settings.retrySchedule]);
    this.events = new EventLog((event) =>
      this.webhooks.send(event, () => {
        event.pending_webhooks = Math.max(0, event.pending_webhooks - 1);
      }),
    );
  }

  get fast(): boolean {
    return this.options.fast ?? false;
  }

  emit(type: string, object: StoredObject, request: RequestInfo, previous?: Record<string, unknown>): void {
    this.events.emit(type, object, request, previous);
  }

  /** Any stored object by id, for `expand[]`. */
  find(id: string): StoredObject | undefined {
    return (
      this.customers.get(id) ??
      this.paymentMethods.get(id)?.pm ??
      this.setupIntents.get(id) ??
      this.paymentIntents.get(id)?.pi ??
      this.setupAttempts.get(id) ??
      this.mandates.get(id) ??
      this.charges.get(id)
    );
  }

  /** A timer that reset/close cancel (SEPA settlement and the like). */
  later(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
  }

  reset(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.webhooks.stop();
    this.webhooks.clearLog();
    this.webhooks.url = this.options.webhookUrl;
    this.settings.retrySchedule = this.options.retrySchedule ?? 'real';
    for (const m of [
      this.customers,
      this.paymentMethods,
      this.setupIntents,
      this.paymentIntents,
      this.setupAttempts,
      this.mandates,
      this.charges,
      this.challenges,
    ]) {
      m.clear();
    }
    this.deletedCustomers.clear();
    this.idempotency.clear();
    this.events.clear();
  }

  close(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.webhooks.stop();
  }
}
