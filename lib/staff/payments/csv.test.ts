import { describe, expect, it } from 'vitest';
import { csvField, csvLine } from './csv';

describe('CSV lines', () => {
  it('quotes what must be quoted and neutralises formulas, never amounts', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-1+2')).toBe("'-1+2");
    expect(csvField({ amount: '-50.00' })).toBe('-50.00');
    expect(csvField(null)).toBe('');
  });
  it('writes a refund with its negative amount in FarPay decimals', () => {
    const line = csvLine({
      id: 7,
      invoiceId: null,
      date: '2025-01-02T03:04:05Z',
      dateOnly: false,
      toBePaidMinor: 12_550,
      paidMinor: -5_010,
      type: 'Visa',
      status: 'Paid',
      sign: 'refund',
      signRaw: 'Refund',
      refundOf: 6,
      refundIdRaw: 6,
      currency: 'EUR',
      info: 'Partial refund processed',
      error: null,
    });
    expect(line).toBe('7,2025-01-02T03:04:05Z,,Visa,Paid,Refund,125.50,-50.10,EUR,6,,Partial refund processed');
  });
});
