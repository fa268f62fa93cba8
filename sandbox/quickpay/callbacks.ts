import { createHmac } from 'node:crypto';
import { SignedDelivery, type AttemptOutcome, type RetryPlan } from '../delivery';
import { API_VERSION, CALLBACK_USER_AGENT } from './config';

/** One delivery attempt, for GET /__sandbox/callbacks and tests. */
export type CallbackAttempt = AttemptOutcome & { callbackId: number; subscriptionId: number };

/** `QuickPay-Checksum-Sha256`: hex HMAC-SHA256 of the raw body, keyed with the private key. */
const checksum = (body: string, privateKey: string): string => createHmac('sha256', privateKey).update(body, 'utf8').digest('hex');

/** 2xx, and also 302/303 (QuickPay counts a redirect as delivered). */
const isDelivered = (status: number): boolean => (status >= 200 && status < 300) || status === 302 || status === 303;

type DispatcherOptions = { privateKey: string; merchantId: number; plan: () => RetryPlan };

/**
 * QuickPay's callback service: POSTs the resource as it was when the operation happened,
 * signed with the private key, and retries a failed delivery (the same body each time).
 */
export class CallbackDispatcher {
  readonly attempts: CallbackAttempt[] = [];
  private nextId = 1;
  private readonly delivery: SignedDelivery;

  constructor(opts: DispatcherOptions) {
    this.delivery = new SignedDelivery({
      what: 'callback',
      isDelivered,
      plan: opts.plan,
      headers: (body) => ({
        'content-type': 'application/json',
        'user-agent': CALLBACK_USER_AGENT,
        'quickpay-resource-type': 'Subscription',
        'quickpay-account-id': String(opts.merchantId),
        'quickpay-api-version': API_VERSION,
        'quickpay-checksum-sha256': checksum(body, opts.privateKey),
      }),
    });
  }

  /** Queues one callback (its first attempt starts now); returns its id. */
  send(subscriptionId: number, url: string, body: string): number {
    const callbackId = this.nextId++;
    this.delivery.send(url, body, { onAttempt: (outcome) => this.attempts.push({ callbackId, subscriptionId, ...outcome }) });
    return callbackId;
  }

  /** Resolves when no callback is in flight or waiting for a retry. */
  idle(): Promise<void> {
    return this.delivery.idle();
  }

  /** Drops everything queued and the log (reset, close). */
  stop(): void {
    this.delivery.stop();
    this.attempts.length = 0;
  }
}
