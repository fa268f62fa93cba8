import { describe, expect, it } from 'vitest';
import { approvalStatusOf, lastFailureOf, waitsForCustomer } from './intent-state';

type Pi = Parameters<typeof approvalStatusOf>[0];
const pi = (status: string, code?: string) => ({ status, last_payment_error: code ? { code } : null }) as unknown as Pi;

describe('whether a PaymentIntent waits for the customer', () => {
  it.each([
    [pi('requires_payment_method', 'authentication_required'), true, 'pending', null],
    [pi('requires_payment_method', 'payment_intent_authentication_failure'), true, 'pending', 'authentication'],
    // A decline once the customer approved: still payable, with another card (Stripe's recovery flow).
    [pi('requires_payment_method', 'card_declined'), true, 'pending', 'declined'],
    [pi('requires_payment_method', 'expired_card'), true, 'pending', 'declined'],
    [pi('requires_payment_method'), true, 'pending', null],
    [pi('requires_action'), true, 'pending', null],
    [pi('requires_confirmation'), true, 'pending', null],
    [pi('processing'), false, 'processing', null],
    [pi('succeeded'), false, 'succeeded', null],
    [pi('requires_capture'), false, 'succeeded', null],
    [pi('canceled', 'card_declined'), false, 'canceled', null],
  ])('%j → waits %s, %s, failure %s', (intent, waits, status, failure) => {
    expect(waitsForCustomer(intent)).toBe(waits);
    expect(approvalStatusOf(intent)).toBe(status);
    expect(lastFailureOf(intent)).toBe(failure);
  });
});
