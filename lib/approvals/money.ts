/** Currencies Stripe counts in whole units (no minor unit). */
const ZERO_DECIMAL = new Set(['bif', 'clp', 'djf', 'gnf', 'jpy', 'kmf', 'krw', 'mga', 'pyg', 'rwf', 'ugx', 'vnd', 'vuv', 'xaf', 'xof', 'xpf']);

/** Stripe's minor units as a person reads them: "499.00 DKK" (en), "499,00 DKK" (da). */
export function formatMoney(amount: number, currency: string, locale: 'da' | 'en'): string {
  const zero = ZERO_DECIMAL.has(currency.toLowerCase());
  const digits = zero ? 0 : 2;
  const value = zero ? amount : amount / 100;
  const number = new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
  return `${number} ${currency.toUpperCase()}`;
}
