import { createCharge } from './charges';
import { docUrl, type Decline, type StripeErrorBody } from './errors';
import { linkToCustomer, markVerified } from './payment-method-store';
import type { PaymentIntentRecord, PaymentMethodRecord, RequestInfo } from './records';
import type { StripeState } from './state';
import type Stripe from 'stripe';

/** How a PaymentIntent attempt ends: a charge succeeds, or the intent wants a new payment method. */
export function succeedPayment(state: StripeState, rec: PaymentIntentRecord, pm: PaymentMethodRecord, request: RequestInfo): void {
  const pi = rec.pi;
  const capture = pi.capture_method !== 'manual';
  const charge = createCharge(state, pi, pm, undefined, capture);
  pi.payment_method = pm.pm.id;
  pi.next_action = null;
  pi.last_payment_error = null;
  pi.processing = null;
  markVerified(pm);
  const owner = typeof pi.customer === 'string' ? pi.customer : null;
  if (pi.setup_future_usage && owner) {
    linkToCustomer(state, pm, owner, request);
    if (pi.setup_future_usage === 'off_session') pm.setUpForOffSession = true;
  } else if (!pm.pm.customer) {
    pm.consumed = true;
  }
  state.emit('charge.succeeded', charge, request);
  if (capture) {
    pi.status = 'succeeded';
    pi.amount_received = pi.amount;
    state.emit('payment_intent.succeeded', pi, request);
  } else {
    pi.status = 'requires_capture';
    pi.amount_capturable = pi.amount;
    state.emit('payment_intent.amount_capturable_updated', pi, request);
  }
}

export type PaymentError = Omit<StripeErrorBody, 'request_log_url' | 'setup_intent' | 'payment_intent' | 'charge' | 'payment_method'>;

/** Records a failed attempt; with `charged`, a failed charge (declines). Returns the charge id. */
export function failPayment(
  state: StripeState,
  rec: PaymentIntentRecord,
  pm: PaymentMethodRecord,
  error: PaymentError,
  request: RequestInfo,
  charged: boolean,
): string | undefined {
  const pi = rec.pi;
  let chargeId: string | undefined;
  if (charged) {
    const charge = createCharge(state, pi, pm, error as Decline);
    chargeId = charge.id;
    state.emit('charge.failed', charge, request);
  }
  pi.status = 'requires_payment_method';
  pi.payment_method = null;
  pi.next_action = null;
  pi.processing = null;
  pi.last_payment_error = {
    ...error,
    ...(chargeId ? { charge: chargeId } : {}),
    payment_method: structuredClone(pm.pm),
  } as Stripe.PaymentIntent.LastPaymentError;
  state.emit('payment_intent.payment_failed', pi, request);
  return chargeId;
}

export function failPaymentAuthentication(state: StripeState, rec: PaymentIntentRecord, pm: PaymentMethodRecord, request: RequestInfo): void {
  failPayment(
    state,
    rec,
    pm,
    {
      type: 'invalid_request_error',
      code: 'payment_intent_authentication_failure',
      doc_url: docUrl('payment_intent_authentication_failure'),
      message:
        'The provided PaymentMethod has failed authentication. You can provide payment_method_data or a new PaymentMethod to attempt to fulfill this PaymentIntent again.',
    },
    request,
    false,
  );
}

/** After a completed 3-D Secure challenge the charge is attempted. */
export function completePaymentAfterAuthentication(state: StripeState, rec: PaymentIntentRecord, pm: PaymentMethodRecord, request: RequestInfo): void {
  const decline = pm.card?.behaviour.chargeDecline ?? pm.card?.behaviour.decline;
  if (decline) {
    failPayment(state, rec, pm, { type: 'card_error', doc_url: docUrl(decline.code), ...decline }, request, true);
    return;
  }
  // Only an authentication that set the card up for later off-session use (seeds/001 passes
  // setup_future_usage: 'off_session') renews the agreement; without it the bank asks again.
  if (rec.pi.setup_future_usage === 'off_session') {
    pm.setUpForOffSession = true;
    pm.bankDemandsAuthentication = false;
  }
  succeedPayment(state, rec, pm, request);
}
