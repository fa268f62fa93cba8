import type { GatewayCard } from '../gateways';
import { sendHtml, type Emulator } from '../http';
import { Router } from '../router';
import { handleApi } from './api';
import { ApiRoutes } from './api-routes';
import { registerChallengePages } from './challenge-page';
import { registerChargeRoutes } from './charges';
import type { StripeEmulatorOptions } from './config';
import { authenticateIntent, demandAuthentication, registerControlRoutes } from './control';
import { registerCustomerRoutes } from './customers';
import { registerEventRoutes } from './event-routes';
import type { StripeEvent } from './events';
import { lookupCard } from './lookup';
import { registerMandatePage } from './mandate-page';
import { registerMandateRoutes } from './mandates';
import { registerPaymentIntentRoutes } from './payment-intents';
import { registerPaymentMethodRoutes } from './payment-methods';
import { registerSetupAttemptRoutes } from './setup-attempts';
import { registerSetupIntentRoutes } from './setup-intents';
import { StripeState } from './state';
import { registerStaticAssets } from './static-assets';
import type { WebhookDelivery } from './webhooks';

export type StripeEmulator = Emulator & {
  /** The card behind a pm_ id, for the Fenerum emulator (`lookups.stripe_new`). */
  lookupCard(paymentMethodId: string): GatewayCard | null;
  /** Forgets every object, event, idempotency key and pending delivery. */
  reset(): void;
  /** Every event so far, oldest first. */
  events(): StripeEvent[];
  /** Every webhook delivery attempt so far. */
  webhookDeliveries(): WebhookDelivery[];
  /** Resolves once no webhook delivery is in flight or waiting for a retry. */
  waitForWebhooks(): Promise<void>;
  /** Sends later events elsewhere (undefined: stop sending). */
  setWebhookUrl(url: string | undefined): void;
  /** Answers an intent's pending 3-D Secure challenge like the customer would; returns the new status. */
  authenticate(intentId: string, outcome: 'complete' | 'fail'): string;
  /** The card's bank wants its next payment authenticated; false when there is no such card. */
  demandAuthentication(paymentMethodId: string): boolean;
};

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
  'access-control-allow-headers':
    'Authorization, Content-Type, Idempotency-Key, Stripe-Version, Stripe-Account, Stripe-Context, X-Stripe-Client-User-Agent, User-Agent',
  'access-control-expose-headers': 'Request-Id, Stripe-Version, Idempotency-Key, Idempotent-Replayed, Original-Request',
  'access-control-max-age': '300',
};

/** A stateful Stripe: the `/v1` API the real SDK talks to, Stripe.js, its iframes and the 3-D Secure page. */
export function createStripeEmulator(options: StripeEmulatorOptions): StripeEmulator {
  const state = new StripeState(options);
  const api = new ApiRoutes();
  for (const register of [
    registerCustomerRoutes,
    registerPaymentMethodRoutes,
    registerSetupIntentRoutes,
    registerSetupAttemptRoutes,
    registerPaymentIntentRoutes,
    registerMandateRoutes,
    registerChargeRoutes,
    registerEventRoutes,
  ]) {
    register(api);
  }
  // Stripe's hosts answer CORS for every path, the preflight included; /v1 is the API.
  const router = new Router((ctx) => sendHtml(ctx.res, 404, 'Not found'))
    .use((ctx, next) => {
      for (const [k, v] of Object.entries(CORS)) ctx.res.setHeader(k, v);
      if (ctx.req.method !== 'OPTIONS') return next();
      const asked = ctx.req.headers['access-control-request-headers'];
      if (asked) ctx.res.setHeader('access-control-allow-headers', asked);
      ctx.res.writeHead(204, { 'content-length': 0 });
      ctx.res.end();
    })
    .use((ctx) => handleApi(state, api, ctx), { only: ['/v1/'] });
  registerStaticAssets(router, options.publicUrl);
  registerChallengePages(router, state);
  registerMandatePage(router, state);
  registerControlRoutes(router, state);

  return {
    name: 'stripe',
    handle: (req, res, body) => router.handle(req, res, body),
    close: () => state.close(),
    lookupCard: (id) => lookupCard(state, id),
    reset: () => state.reset(),
    events: () => state.events.all(),
    webhookDeliveries: () => [...state.webhooks.deliveries],
    waitForWebhooks: () => state.webhooks.idle(),
    setWebhookUrl: (url) => {
      state.webhooks.url = url;
    },
    authenticate: (intentId, outcome) => authenticateIntent(state, intentId, outcome),
    demandAuthentication: (id) => demandAuthentication(state, id),
  };
}
