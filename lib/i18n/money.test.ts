import { describe, expect, it } from 'vitest';
import { formatMoney } from './money';

/** Intl puts a no-break space between amount and currency; the tests read it as a space. */
const read = (s: string) => s.replace(/\u00a0/g, ' ');

describe('formatMoney', () => {
  it('Danish: "499,00 kr."; English: "DKK 499.00" (the email and the approval page alike)', () => {
    expect(read(formatMoney({ minor: 49_900, currency: 'dkk' }, 'da'))).toBe('499,00 kr.');
    expect(read(formatMoney({ minor: 49_900, currency: 'DKK' }, 'en'))).toBe('DKK 499.00');
  });

  it('groups thousands as the language does', () => {
    expect(read(formatMoney({ minor: 123_456_789, currency: 'dkk' }, 'da'))).toBe('1.234.567,89 kr.');
    expect(read(formatMoney({ minor: 123_456_789, currency: 'dkk' }, 'en'))).toBe('DKK 1,234,567.89');
  });

  it('other currencies by their symbol, with Stripe’s decimals: two for EUR, none for JPY, three for KWD', () => {
    expect(read(formatMoney({ minor: 12_345, currency: 'eur' }, 'da'))).toBe('123,45 €');
    expect(read(formatMoney({ minor: 12_345, currency: 'eur' }, 'en'))).toBe('€123.45');
    expect(read(formatMoney({ minor: 500, currency: 'JPY' }, 'en'))).toBe('JP¥500');
    expect(read(formatMoney({ minor: 5_124, currency: 'kwd' }, 'en'))).toBe('KWD 5.124');
  });

  it('keeps the amount and its currency together (a no-break space)', () => {
    expect(formatMoney({ minor: 49_900, currency: 'dkk' }, 'en')).toBe('DKK\u00a0499.00');
  });
});
