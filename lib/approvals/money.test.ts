import { describe, expect, it } from 'vitest';
import { formatMoney } from './money';

describe('formatMoney', () => {
  it('shows minor units with two decimals and the currency code', () => {
    expect(formatMoney(49900, 'dkk', 'en')).toBe('499.00 DKK');
    expect(formatMoney(49900, 'dkk', 'da')).toBe('499,00 DKK');
    expect(formatMoney(123456789, 'eur', 'en')).toBe('1,234,567.89 EUR');
  });
  it('zero-decimal currencies have no decimals', () => {
    expect(formatMoney(500, 'jpy', 'en')).toBe('500 JPY');
  });
});
