import { describe, expect, it } from 'vitest';
import { cardUuidOf, eventKeyOf, paymentIntentOf, webhookBody } from './parse';

describe('Fenerum webhook parsing', () => {
  it('takes only event and data, keeping unknown fields', () => {
    const parsed = webhookBody.parse({ event: 'payment.declined', data: { payment_gateway_id: 'pi_1', extra: 1 }, sent_at: 'x' });
    expect(parsed.data).toEqual({ payment_gateway_id: 'pi_1', extra: 1 });
  });
  it.each([[{}], [{ event: '' }], [{ event: 3, data: {} }], [{ event: 'x', data: [] }], [[1]], ['text']])('refuses %j', (body) => {
    expect(webhookBody.safeParse(body).success).toBe(false);
  });
  it('a body without data is an event with empty data', () => {
    expect(webhookBody.parse({ event: 'x' }).data).toEqual({});
  });
  it('finds the PaymentIntent only when it is one', () => {
    expect(paymentIntentOf({ payment_gateway_id: 'pi_123' })).toBe('pi_123');
    expect(paymentIntentOf({ payment_gateway_id: 'ch_123' })).toBeUndefined();
    expect(paymentIntentOf({ payment_gateway_id: 'pi_1; drop table' })).toBeUndefined();
    expect(paymentIntentOf({})).toBeUndefined();
  });
  it('finds the card in the shapes Fenerum might send', () => {
    expect(cardUuidOf({ uuid: 'c1' })).toBe('c1');
    expect(cardUuidOf({ payment_card: 'c2' })).toBe('c2');
    expect(cardUuidOf({ payment_card: { uuid: 'c3' } })).toBe('c3');
  });
  it('the same body in another key order has the same key; another body another key', () => {
    const a = eventKeyOf({ event: 'payment.authentication_required', data: { payment_gateway_id: 'pi_1', amount: '499.00' } });
    const b = eventKeyOf({ event: 'payment.authentication_required', data: { amount: '499.00', payment_gateway_id: 'pi_1' } });
    const c = eventKeyOf({ event: 'payment.authentication_required', data: { amount: '500.00', payment_gateway_id: 'pi_1' } });
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    expect(a.startsWith('payment.authentication_required:pi_1:')).toBe(true);
  });
});
