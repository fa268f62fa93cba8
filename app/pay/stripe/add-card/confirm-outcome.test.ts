import type { SetupIntent, SetupIntentResult, StripeError } from '@stripe/stripe-js';
import { describe, expect, it } from 'vitest';
import type { FormText } from './card-lines';
import { confirmOutcome } from './confirm-outcome';

/** The key stands in for the text. */
const t = ((key: string) => `<${key}>`) as unknown as FormText;
const intent = (status: SetupIntent['status'], id = 'seti_1') => ({ id, status }) as SetupIntent;
const failedWith = (error: Partial<StripeError>) => confirmOutcome({ error: error as StripeError } as SetupIntentResult, t);

describe('confirmOutcome: what a Save ended in, and whether the next Save may confirm the same SetupIntent', () => {
  it('succeeded and processing are confirmed, also when they come back as an unexpected-state error of a second confirm', () => {
    expect(confirmOutcome({ setupIntent: intent('succeeded') } as SetupIntentResult, t)).toEqual({
      kind: 'confirmed',
      setupIntentId: 'seti_1',
      processing: false,
    });
    expect(confirmOutcome({ setupIntent: intent('processing') } as SetupIntentResult, t)).toEqual({
      kind: 'confirmed',
      setupIntentId: 'seti_1',
      processing: true,
    });
    expect(failedWith({ type: 'invalid_request_error', code: 'setup_intent_unexpected_state', setup_intent: intent('succeeded', 'seti_2') })).toEqual({
      kind: 'confirmed',
      setupIntentId: 'seti_2',
      processing: false,
    });
  });

  it('a decline, a failed challenge or a field left wrong keep the SetupIntent for the next Save', () => {
    expect(failedWith({ type: 'card_error', code: 'card_declined', message: 'Your card was declined.' })).toEqual({
      kind: 'failed',
      message: 'Your card was declined.',
      reusable: true,
    });
    expect(failedWith({ type: 'invalid_request_error', code: 'setup_intent_authentication_failure' })).toEqual({
      kind: 'failed',
      message: '<stripe.authFailed>',
      reusable: true,
    });
    expect(failedWith({ type: 'validation_error', code: 'incomplete_number' })).toEqual({ kind: 'failed', message: null, reusable: true });
    expect(confirmOutcome({ setupIntent: intent('requires_payment_method') } as SetupIntentResult, t)).toEqual({
      kind: 'failed',
      message: '<stripe.authFailed>',
      reusable: true,
    });
  });

  it('the SetupIntent as Stripe returns it with the error decides, when it comes along', () => {
    expect(failedWith({ type: 'card_error', code: 'card_declined', message: 'Declined', setup_intent: intent('requires_payment_method') }).kind).toBe('failed');
    expect(failedWith({ type: 'invalid_request_error', code: 'setup_intent_unexpected_state', setup_intent: intent('canceled') })).toMatchObject({
      kind: 'failed',
      reusable: false,
    });
  });

  it('a network error, or anything else, forgets it: the server gives the session’s open one back if it is still open', () => {
    expect(failedWith({ type: 'api_connection_error' })).toEqual({ kind: 'failed', message: '<stripe.network>', reusable: false });
    expect(failedWith({ type: 'invalid_request_error', code: 'resource_missing', message: 'No such setupintent' })).toEqual({
      kind: 'failed',
      message: 'No such setupintent',
      reusable: false,
    });
  });
});
