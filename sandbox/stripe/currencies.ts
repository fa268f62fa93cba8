import { invalidRequest } from './errors';

/** Minimum charge amounts in minor units (docs.stripe.com/currencies#minimum-and-maximum-charge-amounts). */
const MINIMUMS: Record<string, number> = {
  usd: 50,
  eur: 50,
  gbp: 30,
  dkk: 250,
  nok: 300,
  sek: 300,
  chf: 50,
  pln: 200,
  czk: 1500,
  huf: 17500,
  cad: 50,
  aud: 50,
  nzd: 50,
  sgd: 50,
  hkd: 400,
  jpy: 50,
  mxn: 1000,
  ron: 200,
  bgn: 100,
  isk: 100,
};

export function parseCurrency(raw: string, param = 'currency'): string {
  const currency = raw.toLowerCase();
  if (!(currency in MINIMUMS)) {
    throw invalidRequest(`Invalid currency: ${raw}. Stripe currently supports these currencies: ${Object.keys(MINIMUMS).join(', ')}`, {
      param,
      code: 'parameter_invalid',
    });
  }
  return currency;
}

export function assertAmount(amount: number, currency: string): void {
  const min = MINIMUMS[currency] ?? 50;
  if (amount < 1) throw invalidRequest('This value must be greater than or equal to 1.', { param: 'amount', code: 'parameter_invalid_integer' });
  if (amount < min) {
    throw invalidRequest(`Amount must be at least ${(min / 100).toFixed(2)} ${currency}`, { param: 'amount', code: 'amount_too_small' });
  }
  if (amount > 99_999_999) throw invalidRequest('Amount must be no more than 999,999.99', { param: 'amount', code: 'amount_too_large' });
}
