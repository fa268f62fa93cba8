import type { ApiContext } from './api-routes';
import { sepaSettleDelayMs } from './config';
import { cardError, docUrl, invalidRequest, stateError, type Decline } from './errors';
import { SEPA_FAILING_IBANS } from './iban';
import { assertTypeAllowed, paymentMethodForConfirm, presentPaymentIntent } from './intent-common';
import { activeMandateFor, createSepaMandate, parseMandateData } from './mandates';
import { closeChallenges, openChallenge } from './next-action';
import type { Params } from './params';
import { AUTOMATIC, type PaymentIntentRecord, type PaymentMethodRecord } from './records';
import { failPayment, succeedPayment } from './payment-outcomes';
import { DECLINES } from './test-cards';

const CONFIRMABLE = ['requires_payment_method', 'requires_confirmation', 'requires_action'];

export function assertPaymentConfirmable(rec: PaymentIntentRecord, auth: 'secret' | 'publishable'): void {
  const pi = rec.pi;
  if (CONFIRMABLE.includes(pi.status)) return;
  const message =
    pi.status === 'succeeded'
      ? 'You cannot confirm this PaymentIntent because it has already succeeded after being previously confirmed.'
      : `You cannot confirm this PaymentIntent because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be confirmed: requires_payment_method, requires_confirmation, requires_action.`;
  throw stateError(message, 'payment_intent_unexpected_state', { payment_intent: presentPaymentIntent(pi, auth) });
}

/** `off_session`: true/false, or `one_off`/`recurring` (both mean the customer is away). */
export function parseOffSession(p: Params): boolean | undefined {
  const v = p.string('off_session');
  if (v === undefined) return undefined;
  if (v === 'one_off' || v === 'recurring') return true;
  return p.bool('off_session');
}

/**
 * Confirms a PaymentIntent. Cards: declines fail with 402; cards that need 3-D Secure ask
 * for it on-session and fail with `authentication_required` off-session (unless set up for
 * off-session use); 4000000000000341 attaches but the charge fails. SEPA: `processing`, then settles.
 */
export function confirmPaymentIntent(ctx: ApiContext, rec: PaymentIntentRecord, p: Params, request3ds: 'any' | 'automatic' | 'challenge'): void {
  assertPaymentConfirmable(rec, ctx.auth);
  const pi = rec.pi;
  const customer = typeof pi.customer === 'string' ? pi.customer : null;
  const pm = paymentMethodForConfirm(ctx, p, typeof pi.payment_method === 'string' ? pi.payment_method : null, customer, 'PaymentIntent');
  assertTypeAllowed(pm, pi.payment_method_types, 'PaymentIntent');
  // Each confirmation says whether the customer is present; Stripe.js confirmations always are.
  rec.offSession = ctx.auth === 'publishable' ? false : (parseOffSession(p) ?? false);
  if (p.has('setup_future_usage'))
    pi.setup_future_usage = p.raw.setup_future_usage === '' ? null : (p.enum('setup_future_usage', ['off_session', 'on_session'] as const) ?? null);
  const acceptance = parseMandateData(ctx, p.object('mandate_data'));
  const returnUrl = p.string('return_url');
  const errorOnAction = p.bool('error_on_requires_action') ?? false;

  closeChallenges(ctx.state, pi.id);
  pi.payment_method = pm.pm.id;
  pi.last_payment_error = null;
  pi.next_action = null;
  pi.status = 'requires_confirmation';

  if (pm.iban) return startSepaDebit(ctx, rec, pm, acceptance);

  const behaviour = pm.card?.behaviour;
  const decline = behaviour?.decline;
  if (decline) return declined(ctx, rec, pm, decline);
  const needsAuth =
    pm.bankDemandsAuthentication === true ||
    behaviour?.threeDS === 'always' ||
    (behaviour?.threeDS === 'unless_setup' && !(rec.offSession && pm.setUpForOffSession)) ||
    (!rec.offSession && request3ds !== 'automatic');
  if (needsAuth) {
    if (rec.offSession || errorOnAction) return declined(ctx, rec, pm, DECLINES.authenticationRequired);
    pi.status = 'requires_action';
    pi.next_action = openChallenge(ctx.state, 'payment_intent', pi.id, pm.pm.id, { returnUrl, useStripeSdk: p.bool('use_stripe_sdk') ?? false });
    ctx.state.emit('payment_intent.requires_action', pi, ctx.request);
    return;
  }
  if (behaviour?.chargeDecline) return declined(ctx, rec, pm, behaviour.chargeDecline);
  succeedPayment(ctx.state, rec, pm, ctx.request);
}

function declined(ctx: ApiContext, rec: PaymentIntentRecord, pm: PaymentMethodRecord, decline: Decline): never {
  if (pm.pm.card?.checks && decline.code === 'incorrect_cvc') pm.pm.card.checks.cvc_check = 'fail';
  const charge = failPayment(ctx.state, rec, pm, { type: 'card_error', doc_url: docUrl(decline.code), ...decline }, ctx.request, true);
  throw cardError(decline, {
    ...(charge ? { charge } : {}),
    payment_intent: presentPaymentIntent(rec.pi, ctx.auth),
    payment_method: structuredClone(pm.pm),
  });
}

function startSepaDebit(ctx: ApiContext, rec: PaymentIntentRecord, pm: PaymentMethodRecord, acceptance: ReturnType<typeof parseMandateData>): void {
  const { state, request } = ctx;
  const pi = rec.pi;
  if (pi.currency !== 'eur') {
    throw invalidRequest(`The currency provided (${pi.currency}) is invalid. Payments with sepa_debit support the following currencies: eur.`, {
      param: 'currency',
      code: 'payment_intent_invalid_parameter',
      replayable: true,
    });
  }
  const mandate = activeMandateFor(state, pm.pm.id) ?? (acceptance ? createSepaMandate(state, pm.pm.id, acceptance, 'active') : undefined);
  if (!mandate) {
    throw invalidRequest(
      'A mandate is required to confirm a PaymentIntent with a sepa_debit PaymentMethod: set it up with a SetupIntent first, or pass mandate_data.',
      { param: 'mandate_data', code: 'parameter_missing' },
    );
  }
  pi.status = 'processing';
  state.emit('payment_intent.processing', pi, request);
  const failing = SEPA_FAILING_IBANS.has(pm.iban ?? '');
  state.later(sepaSettleDelayMs(state.fast), () => {
    if (pi.status !== 'processing') return;
    if (failing) failPayment(state, rec, pm, { type: 'card_error', ...DECLINES.insufficientFunds, doc_url: docUrl('card_declined') }, AUTOMATIC, true);
    else succeedPayment(state, rec, pm, AUTOMATIC);
  });
}
