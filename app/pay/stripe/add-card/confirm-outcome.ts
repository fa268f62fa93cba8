import type { SetupIntentResult, StripeError } from '@stripe/stripe-js';
import type { FormText } from './card-lines';

/** `reusable`: the SetupIntent can still take a card (the next Save confirms it again instead of asking for another). */
export type ConfirmOutcome = { kind: 'confirmed'; setupIntentId: string; processing: boolean } | { kind: 'failed'; message: string | null; reusable: boolean };

/**
 * What `stripe.confirmSetup` ended in, for the person at the form. Matches Stripe's codes,
 * never its message text. `message: null` when the Payment Element already shows the problem
 * next to the field (validation errors).
 */
export function confirmOutcome(result: SetupIntentResult, t: FormText): ConfirmOutcome {
  const { error } = result;
  if (!error) {
    const intent = result.setupIntent;
    if (intent.status === 'succeeded' || intent.status === 'processing') {
      return { kind: 'confirmed', setupIntentId: intent.id, processing: intent.status === 'processing' };
    }
    // e.g. requires_payment_method after a challenge that did not complete.
    return { kind: 'failed', message: t('stripe.authFailed'), reusable: intent.status === 'requires_payment_method' };
  }
  // A second submit of a SetupIntent that already went through: it is saved, not failed.
  if (error.code === 'setup_intent_unexpected_state' && error.setup_intent) {
    const { status, id } = error.setup_intent;
    if (status === 'succeeded' || status === 'processing') return { kind: 'confirmed', setupIntentId: id, processing: status === 'processing' };
  }
  return { kind: 'failed', message: failureMessage(error, t), reusable: reusableAfter(error) };
}

/** A decline, a failed challenge or a field left wrong leave the SetupIntent waiting for a card; anything else may not have. */
function reusableAfter(error: StripeError): boolean {
  if (error.setup_intent) return error.setup_intent.status === 'requires_payment_method';
  return error.type === 'card_error' || error.type === 'validation_error' || isAuthenticationFailure(error);
}

const isAuthenticationFailure = (error: StripeError) =>
  error.code === 'setup_intent_authentication_failure' || error.code === 'payment_intent_authentication_failure';

function failureMessage(error: StripeError, t: FormText): string | null {
  if (isAuthenticationFailure(error)) return t('stripe.authFailed');
  if (error.type === 'validation_error') return null;
  if (error.type === 'api_connection_error') return t('stripe.network');
  // card_error (declines) carries Stripe's own message in the customer's language.
  if (error.type === 'card_error' && error.message) return error.message;
  return error.message ?? `${t('card.declined')}. ${t('card.failedLead')}`;
}
