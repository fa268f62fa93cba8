/** The emulator's configuration and the constants where Stripe's behaviour is a choice. */
export type StripeEmulatorOptions = {
  secretKey: string;
  publishableKey: string;
  webhookSecret: string;
  /** Where events are POSTed, signed (e.g. http://localhost:3000/api/stripe-webhook). */
  webhookUrl?: string;
  /** This emulator's own URL: Stripe.js, the element iframes and the 3-D Secure page live there. */
  publicUrl: string;
  /** Short delays and retry schedules, for tests. */
  fast?: boolean;
};

/** The API version pinned by stripe-node 23 (its `ApiVersion`); events carry it. */
export const API_VERSION = '2026-10-28.endive';

/** Stripe.js's release train, which @stripe/stripe-js 10 expects in `Stripe.version`. */
export const STRIPE_JS_VERSION = 'endive';

/** Webhook retry delays after the first attempt (Stripe retries for up to three days). */
export const webhookRetryDelaysMs = (fast: boolean): number[] =>
  fast ? [50, 100, 200, 400, 800] : [5_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000];

export const webhookTimeoutMs = (fast: boolean): number => (fast ? 2_000 : 10_000);

/** How long a SEPA debit or failing SEPA setup stays `processing` before it settles. */
export const sepaSettleDelayMs = (fast: boolean): number => (fast ? 100 : 3_000);

/** Idempotency keys are kept 24 hours. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** The business name shown in the SEPA mandate text when the page does not give one. */
export const SANDBOX_BUSINESS_NAME = 'Sandbox Merchant';
