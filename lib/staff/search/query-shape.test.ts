import { describe, expect, it } from 'vitest';
import { isRefused } from '@/lib/domain/outcomes';
import { readSearchQuery } from './query-shape';

const shape = (raw: string) => {
  const q = readSearchQuery(raw);
  if (isRefused(q)) throw new Error(`refused: ${q.key}`);
  return q;
};
const refusal = (raw: string) => {
  const q = readSearchQuery(raw);
  return isRefused(q) ? q.key : null;
};

describe('readSearchQuery: which provider a search text is for, by its format alone', () => {
  it('pi_… is a Stripe PaymentIntent, and only that', () => {
    expect(shape('pi_3PxYz0AbCdEfGh12')).toMatchObject({ shape: 'payment-intent', kinds: ['payment-intent'] });
  });

  it('a uuid (either case) is a Fenerum card, and only that', () => {
    expect(shape('C4A9D2E1-7B3F-4C6D-8E5A-000000000001')).toMatchObject({ shape: 'uuid', kinds: ['card'] });
  });

  it('digits are a FarPay payment or invoice id (or a numeric account code); four digits may also be a card’s last four', () => {
    expect(shape('1000396')).toMatchObject({ shape: 'digits', kinds: ['payment', 'invoice', 'account'] });
    expect(shape('4242').kinds).toEqual(['card', 'payment', 'invoice', 'account']);
  });

  it('anything else is text for the accounts: code, name or email', () => {
    for (const text of ['CUST001', 'Nordlys', 'ida@nordlys.dk', 'pi_', 'pi_short', '1234567890123', '12a4', 'c4a9d2e1-7b3f']) {
      expect(shape(text)).toMatchObject({ shape: 'text', kinds: ['account'] });
    }
  });

  it('the text is trimmed before its shape is read', () => {
    expect(shape('  1000396 \t')).toMatchObject({ text: '1000396', shape: 'digits' });
  });

  it('empty, blank, too long or with control characters is refused with its own sentence', () => {
    expect(refusal('')).toBe('searchEmpty');
    expect(refusal('   ')).toBe('searchEmpty');
    expect(refusal('x'.repeat(101))).toBe('searchTooLong');
    expect(refusal('x'.repeat(100))).toBeNull();
    expect(refusal('CUST\u0000001')).toBe('searchControlCharacters');
    expect(refusal('a\nb')).toBe('searchControlCharacters');
    expect(refusal('a\u0085b')).toBe('searchControlCharacters');
  });
});
