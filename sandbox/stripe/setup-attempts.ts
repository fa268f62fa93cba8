import type Stripe from 'stripe';
import type { ApiRoutes } from './api-routes';
import { randomUUID } from 'node:crypto';
import { newId, nowSeconds } from './ids';
import { LIST_PARAMS, listResponse, newestFirst } from './lists';
import type { PaymentMethodRecord } from './records';
import type { StripeState } from './state';

/** One confirmation of a SetupIntent (`latest_attempt`). */
export function createSetupAttempt(state: StripeState, si: Stripe.SetupIntent, rec: PaymentMethodRecord): Stripe.SetupAttempt {
  const card = rec.pm.card;
  const attempt: Stripe.SetupAttempt = {
    id: newId('setatt'),
    object: 'setup_attempt',
    application: null,
    attach_to_self: false,
    created: nowSeconds(),
    customer: si.customer,
    customer_account: null,
    flow_directions: null,
    livemode: false,
    on_behalf_of: null,
    payment_method: rec.pm.id,
    payment_method_details: card
      ? {
          card: {
            brand: card.brand,
            checks: null,
            country: card.country,
            exp_month: card.exp_month,
            exp_year: card.exp_year,
            fingerprint: card.fingerprint,
            funding: card.funding,
            last4: card.last4,
            network: card.brand,
            three_d_secure: null,
            wallet: null,
          },
          type: 'card',
        }
      : { sepa_debit: {}, type: 'sepa_debit' },
    setup_error: null,
    setup_intent: si.id,
    status: 'requires_confirmation',
    usage: si.usage,
  };
  state.setupAttempts.set(attempt.id, attempt);
  si.latest_attempt = attempt.id;
  return attempt;
}

export function latestAttempt(state: StripeState, si: Stripe.SetupIntent): Stripe.SetupAttempt | undefined {
  return typeof si.latest_attempt === 'string' ? state.setupAttempts.get(si.latest_attempt) : undefined;
}

/** Records the 3-D Secure result on the attempt, as Stripe shows it. */
export function recordThreeDSecure(attempt: Stripe.SetupAttempt | undefined, result: 'authenticated' | 'failed'): void {
  const card = attempt?.payment_method_details.card;
  if (!card) return;
  card.three_d_secure = {
    authentication_flow: 'challenge',
    electronic_commerce_indicator: result === 'authenticated' ? '05' : null,
    result,
    result_reason: null,
    transaction_id: randomUUID(),
    version: '2.2.0',
  };
}

export function registerSetupAttemptRoutes(routes: ApiRoutes): void {
  routes.get('/v1/setup_attempts', (ctx) => {
    const p = ctx.params.allowOnly([...LIST_PARAMS, 'setup_intent']);
    const si = p.requiredString('setup_intent');
    const all = newestFirst(ctx.state.setupAttempts.values()).filter((a) => a.setup_intent === si);
    return listResponse(all, p, '/v1/setup_attempts');
  });
}
