import type { ApiContext } from './api-routes';
import { invalidRequest, noSuch, stateError } from './errors';
import { nowSeconds } from './ids';
import { closeChallenges } from './next-action';
import type { PaymentIntentRecord } from './records';

/** Cancel and capture: the PaymentIntent transitions outside confirmation. */
export function getPaymentIntentRecord(ctx: ApiContext): PaymentIntentRecord {
  const rec = ctx.state.paymentIntents.get(ctx.path.id ?? '');
  if (!rec) throw noSuch('payment_intent', ctx.path.id ?? '');
  return rec;
}

const CANCELABLE = ['requires_payment_method', 'requires_capture', 'requires_confirmation', 'requires_action', 'processing'];

export function cancelPaymentIntent(ctx: ApiContext) {
  const { pi } = getPaymentIntentRecord(ctx);
  const p = ctx.params.allowOnly(['cancellation_reason', 'expand']);
  if (!CANCELABLE.includes(pi.status)) {
    throw stateError(
      `You cannot cancel this PaymentIntent because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be canceled: ${CANCELABLE.join(', ')}.`,
      'payment_intent_unexpected_state',
      { payment_intent: pi },
    );
  }
  closeChallenges(ctx.state, pi.id);
  pi.status = 'canceled';
  pi.next_action = null;
  pi.amount_capturable = 0;
  pi.canceled_at = nowSeconds();
  pi.cancellation_reason = p.enum('cancellation_reason', ['duplicate', 'fraudulent', 'requested_by_customer', 'abandoned'] as const) ?? null;
  ctx.state.emit('payment_intent.canceled', pi, ctx.request);
  return pi;
}

export function capturePaymentIntent(ctx: ApiContext) {
  const { pi } = getPaymentIntentRecord(ctx);
  const p = ctx.params.allowOnly([
    'amount_details',
    'amount_to_capture',
    'application_fee_amount',
    'expand',
    'final_capture',
    'hooks',
    'metadata',
    'payment_details',
    'statement_descriptor',
    'statement_descriptor_suffix',
    'transfer_data',
  ]);
  if (pi.status !== 'requires_capture') {
    throw stateError(
      `This PaymentIntent could not be captured because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be captured: requires_capture.`,
      'payment_intent_unexpected_state',
      { payment_intent: pi },
    );
  }
  const amount = p.int('amount_to_capture') ?? pi.amount_capturable;
  if (amount > pi.amount_capturable) throw invalidRequest('The amount to capture exceeds the amount that can be captured.', { param: 'amount_to_capture' });
  pi.amount_received = amount;
  pi.amount_capturable = 0;
  pi.status = 'succeeded';
  const charge = typeof pi.latest_charge === 'string' ? ctx.state.charges.get(pi.latest_charge) : undefined;
  if (charge) Object.assign(charge, { captured: true, amount_captured: amount });
  if (charge) ctx.state.emit('charge.captured', charge, ctx.request);
  ctx.state.emit('payment_intent.succeeded', pi, ctx.request);
  return pi;
}
