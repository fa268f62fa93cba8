import type { RetryPlan, RetrySpeed } from '../delivery';

/** The emulator's configuration and the constants where Stripe's behaviour is a choice. */
export type StripeEmulatorOptions = {
  secretKey: string;
  publishableKey: string;
  webhookSecret: string;
  /** Where events are POSTed, signed (e.g. http://localhost:3000/api/stripe-webhook). */
  webhookUrl?: string;
  /** This emulator's own URL: Stripe.js, the element iframes and the 3-D Secure page live there. */
  publicUrl: string;
  /** A short SEPA settlement delay, for tests (webhook retries: `retrySchedule`). */
  fast?: boolean;
  /** The webhook retry schedule at start and after a reset; a test may switch it (POST /__sandbox/settings). */
  retrySchedule?: RetrySpeed;
};

/** The API version pinned by stripe-node 23 (its `ApiVersion`); events carry it. */
export const API_VERSION = '2026-10-28.endive';

/** Stripe.js's release train, which @stripe/stripe-js 10 expects in `Stripe.version`. */
export const STRIPE_JS_VERSION = 'endive';

/**
 * Webhook retries. Stripe documents that in test mode (our keys are sk_test_) a failed event is
 * retried "three times over a few hours" (live mode: up to three days, exponential backoff); the
 * intervals are unconfirmed: 30 min, 1 h, 2 h here. `fast` is for a test that asks for it.
 */
export const WEBHOOK_RETRY_PLANS: Record<RetrySpeed, RetryPlan> = {
  real: { delaysMs: [30 * 60_000, 60 * 60_000, 120 * 60_000], timeoutMs: 10_000 },
  fast: { delaysMs: [50, 100, 200, 400, 800], timeoutMs: 2_000 },
};

/** How long a SEPA debit or failing SEPA setup stays `processing` before it settles. */
export const sepaSettleDelayMs = (fast: boolean): number => (fast ? 100 : 3_000);

/** Idempotency keys are kept 24 hours. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
