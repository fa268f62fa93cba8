import { describe, expect, it } from 'vitest';
import { formatDate, formatMinor } from './format';

describe('formatting payments', () => {
  it('formats øre exactly in both languages', () => {
    expect(formatMinor(123_456_789_012_345, 'da')).toBe('1.234.567.890.123,45\u00a0kr.');
    expect(formatMinor(-5_010, 'en')).toMatch(/-?DKK\s?-?50\.10/);
  });
  it('shows an amount in the payment’s own currency', () => {
    expect(formatMinor(2_550, 'en', 'EUR')).toBe('€25.50');
    expect(formatMinor(2_550, 'da', 'EUR')).toBe('25,50\u00a0€');
    expect(formatMinor(2_550, 'en', 'XQQ')).toMatch(/25\.50/);
  });
  it('keeps a bare date a date and shows a timestamp in Copenhagen time', () => {
    expect(formatDate('2025-01-15', true, 'en')).toBe('15 Jan 2025');
    expect(formatDate('2025-01-15T23:30:00Z', false, 'en')).toBe('16 Jan 2025, 00:30 CET');
    expect(formatDate('garbage', false, 'da')).toBe('garbage');
  });
});
