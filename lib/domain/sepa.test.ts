import { describe, expect, it } from 'vitest';
import { SEPA_COUNTRIES, sepaBelongsTo } from './sepa';

describe('sepaBelongsTo', () => {
  it('offers SEPA to a EUR account in a SEPA country, whatever the letters’ case or spaces', () => {
    expect(sepaBelongsTo({ country: 'DE', currency: 'EUR' })).toBe(true);
    expect(sepaBelongsTo({ country: ' fi ', currency: 'eur' })).toBe(true);
    // SEPA is wider than the euro area: a Danish company billed in EUR can pay from a EUR IBAN.
    expect(sepaBelongsTo({ country: 'DK', currency: 'EUR' })).toBe(true);
    expect(sepaBelongsTo({ country: 'CH', currency: 'EUR' })).toBe(true);
  });

  it('does not offer it in another currency, even in the euro area', () => {
    expect(sepaBelongsTo({ country: 'DK', currency: 'DKK' })).toBe(false);
    expect(sepaBelongsTo({ country: 'DE', currency: 'USD' })).toBe(false);
  });

  it('does not offer it outside SEPA, even in EUR', () => {
    expect(sepaBelongsTo({ country: 'US', currency: 'EUR' })).toBe(false);
    expect(sepaBelongsTo({ country: 'TR', currency: 'EUR' })).toBe(false);
  });

  it('does not offer it when the country or the currency is unknown', () => {
    expect(sepaBelongsTo({ country: null, currency: 'EUR' })).toBe(false);
    expect(sepaBelongsTo({ country: 'DE', currency: null })).toBe(false);
    expect(sepaBelongsTo({ country: 'Germany', currency: 'EUR' })).toBe(false);
    expect(sepaBelongsTo({ country: '', currency: '' })).toBe(false);
  });

  it('lists the 36 SEPA countries of the EPC list and its 13 territories with codes of their own', () => {
    expect(SEPA_COUNTRIES.size).toBe(49);
    for (const code of SEPA_COUNTRIES) expect(code).toMatch(/^[A-Z]{2}$/);
  });
});
