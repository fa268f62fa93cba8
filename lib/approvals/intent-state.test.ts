import { describe, expect, it } from 'vitest';
import { approvalStatusOf, waitsForCustomer } from './intent-state';

type Pi = Parameters<typeof waitsForCustomer>[0];
const pi = (status: string, code?: string) => ({ status, last_payment_error: code ? { code } : null }) as unknown as Pi;

describe('whether a PaymentIntent waits for the customer', () => {
  it.each([
    [pi('requires_payment_method', 'authentication_required'), true, 'pending'],
    [pi('requires_payment_method', 'payment_intent_authentication_failure'), true, 'pending'],
    [pi('requires_action'), true, 'pending'],
    [pi('requires_confirmation'), true, 'pending'],
    [pi('requires_payment_method', 'card_declined'), false, 'canceled'],
    [pi('requires_payment_method'), false, 'canceled'],
    [pi('processing'), false, 'processing'],
    [pi('succeeded'), false, 'succeeded'],
    [pi('canceled'), false, 'canceled'],
  ])('%j → %s, %s', (intent, waits, status) => {
    expect(waitsForCustomer(intent)).toBe(waits);
    expect(approvalStatusOf(intent)).toBe(status);
  });
});
