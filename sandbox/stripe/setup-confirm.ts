import type Stripe from 'stripe';
import type { ApiContext } from './api-routes';
import { sepaSettleDelayMs } from './config';
import { cardError, invalidRequest, stateError } from './errors';
import { SEPA_FAILING_IBANS } from './iban';
import { assertTypeAllowed, paymentMethodForConfirm, presentSetupIntent } from './intent-common';
import { createSepaMandate, parseMandateData } from './mandates';
import { closeChallenges, openChallenge } from './next-action';
import type { Params } from './params';
import { AUTOMATIC } from './records';
import { createSetupAttempt, latestAttempt } from './setup-attempts';
import { failSetup, SEPA_SETUP_FAILURE, succeedSetup } from './setup-outcomes';

const CONFIRMABLE = ['requires_payment_method', 'requires_confirmation', 'requires_action'];

export function assertSetupConfirmable(si: Stripe.SetupIntent, auth: 'secret' | 'publishable'): void {
  if (CONFIRMABLE.includes(si.status)) return;
  const message =
    si.status === 'succeeded'
      ? 'You cannot confirm this SetupIntent because it has already succeeded after being previously confirmed.'
      : `You cannot confirm this SetupIntent because it has a status of ${si.status}. Only a SetupIntent with one of the following statuses may be confirmed: requires_payment_method, requires_confirmation, requires_action.`;
  throw stateError(message, 'setup_intent_unexpected_state', { setup_intent: presentSetupIntent(si, auth) });
}

/**
 * Confirms a SetupIntent: verifies the card (declines → 402 and `requires_payment_method`),
 * asks for 3-D Secure where the card needs it, takes a SEPA mandate, else succeeds.
 */
export function confirmSetupIntent(ctx: ApiContext, si: Stripe.SetupIntent, p: Params, threeDS: 'any' | 'automatic' | 'challenge'): void {
  assertSetupConfirmable(si, ctx.auth);
  const customer = typeof si.customer === 'string' ? si.customer : null;
  const rec = paymentMethodForConfirm(ctx, p, typeof si.payment_method === 'string' ? si.payment_method : null, customer, 'SetupIntent');
  assertTypeAllowed(rec, si.payment_method_types, 'SetupIntent');
  const acceptance = parseMandateData(ctx, p.object('mandate_data'));
  const returnUrl = p.string('return_url');
  if (returnUrl !== undefined && !/^https?:\/\/\S+$/.test(returnUrl)) throw invalidRequest('Not a valid URL', { param: 'return_url', code: 'url_invalid' });

  closeChallenges(ctx.state, si.id);
  si.payment_method = rec.pm.id;
  si.last_setup_error = null;
  si.next_action = null;
  si.status = 'requires_confirmation';
  const attempt = createSetupAttempt(ctx.state, si, rec);
  const { state, request } = ctx;

  if (rec.iban) {
    if (!acceptance) {
      throw invalidRequest('A mandate is required to set up a sepa_debit PaymentMethod: pass mandate_data[customer_acceptance].', {
        param: 'mandate_data',
        code: 'parameter_missing',
      });
    }
    const failing = SEPA_FAILING_IBANS.has(rec.iban);
    const mandate = createSepaMandate(state, rec.pm.id, acceptance, failing ? 'pending' : 'active');
    si.mandate = mandate.id;
    if (!failing) return succeedSetup(state, si, rec, request);
    si.status = 'processing';
    attempt.status = 'processing';
    state.later(sepaSettleDelayMs(state.fast), () => {
      if (si.status === 'processing') failSetup(state, si, rec, SEPA_SETUP_FAILURE, AUTOMATIC);
    });
    return;
  }

  const behaviour = rec.card?.behaviour;
  if (behaviour?.decline) {
    const decline = behaviour.decline;
    if (rec.pm.card?.checks && decline.code === 'incorrect_cvc') rec.pm.card.checks.cvc_check = 'fail';
    failSetup(state, si, rec, { type: 'card_error', ...decline }, request);
    throw cardError(decline, { payment_method: structuredClone(rec.pm), setup_intent: presentSetupIntent(si, ctx.auth) });
  }
  const needs3ds = behaviour?.threeDS !== 'none' || threeDS !== 'automatic';
  if (needs3ds) {
    si.status = 'requires_action';
    si.next_action = openChallenge(state, 'setup_intent', si.id, rec.pm.id, { returnUrl, useStripeSdk: p.bool('use_stripe_sdk') ?? false });
    const a = latestAttempt(state, si);
    if (a) a.status = 'requires_action';
    state.emit('setup_intent.requires_action', si, request);
    return;
  }
  succeedSetup(state, si, rec, request);
}
