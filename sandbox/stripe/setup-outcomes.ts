import type Stripe from 'stripe';
import { docUrl, type StripeErrorBody } from './errors';
import { setMandateStatus } from './mandates';
import { linkToCustomer, markVerified } from './payment-method-store';
import type { PaymentMethodRecord, RequestInfo } from './records';
import { latestAttempt, recordThreeDSecure } from './setup-attempts';
import type { StripeState } from './state';

/** How a SetupIntent ends an attempt: succeeded, or back to `requires_payment_method`. */
export function succeedSetup(state: StripeState, si: Stripe.SetupIntent, rec: PaymentMethodRecord, request: RequestInfo, authenticated = false): void {
  si.status = 'succeeded';
  si.next_action = null;
  si.last_setup_error = null;
  si.payment_method = rec.pm.id;
  markVerified(rec);
  if (si.usage === 'off_session') rec.setUpForOffSession = true;
  const attempt = latestAttempt(state, si);
  if (attempt) {
    attempt.status = 'succeeded';
    if (authenticated) recordThreeDSecure(attempt, 'authenticated');
  }
  if (typeof si.customer === 'string') linkToCustomer(state, rec, si.customer, request);
  state.emit('setup_intent.succeeded', si, request);
}

export type SetupError = Omit<StripeErrorBody, 'request_log_url' | 'setup_intent' | 'payment_intent' | 'charge'>;

/** The attempt failed: the intent wants a new payment method; `last_setup_error` says why. */
export function failSetup(state: StripeState, si: Stripe.SetupIntent, rec: PaymentMethodRecord, error: SetupError, request: RequestInfo): void {
  const withPm = { ...error, payment_method: structuredClone(rec.pm) } as Stripe.SetupIntent.LastSetupError;
  si.status = 'requires_payment_method';
  si.next_action = null;
  si.payment_method = null;
  si.last_setup_error = withPm;
  const attempt = latestAttempt(state, si);
  if (attempt) {
    attempt.status = 'failed';
    attempt.setup_error = withPm as Stripe.SetupAttempt.SetupError;
  }
  if (typeof si.mandate === 'string') {
    const mandate = state.mandates.get(si.mandate);
    if (mandate) setMandateStatus(state, mandate, 'inactive', request);
  }
  state.emit('setup_intent.setup_failed', si, request);
}

export function failSetupAuthentication(state: StripeState, si: Stripe.SetupIntent, rec: PaymentMethodRecord, request: RequestInfo): void {
  recordThreeDSecure(latestAttempt(state, si), 'failed');
  failSetup(
    state,
    si,
    rec,
    {
      type: 'invalid_request_error',
      code: 'setup_intent_authentication_failure',
      doc_url: docUrl('setup_intent_authentication_failure'),
      message: 'The latest attempt to set up the payment method has failed because authentication failed.',
    },
    request,
  );
}

/** A SEPA setup with a failing IBAN: the bank refuses the mandate while it is `processing`. */
export const SEPA_SETUP_FAILURE: SetupError = {
  type: 'invalid_request_error',
  code: 'payment_method_provider_decline',
  doc_url: docUrl('payment_method_provider_decline'),
  message: 'The bank declined the SEPA Direct Debit mandate for this account. Please use a different payment method.',
};
