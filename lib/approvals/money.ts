/** Currencies Stripe counts in whole units (no minor unit). */
const ZERO_DECIMAL = new Set(['bif', 'clp', 'djf', 'gnf', 'jpy', 'kmf', 'krw', 'mga', 'pyg', 'rwf', 'ugx', 'vnd', 'vuv', 'xaf', 'xof', 'xpf']);

/** One formatter per language and number of decimals, per process (building one costs more than formatting). */
const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: 'da' | 'en', digits: number): Intl.NumberFormat {
  const id = `${locale}:${digits}`;
  let nf = formatters.get(id);
  if (!nf) {
    nf = new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    formatters.set(id, nf);
  }
  return nf;
}

/** Stripe's minor units as a person reads them: "499.00 DKK" (en), "499,00 DKK" (da). */
export function formatMoney(amount: number, currency: string, locale: 'da' | 'en'): string {
  const zero = ZERO_DECIMAL.has(currency.toLowerCase());
  const digits = zero ? 0 : 2;
  const value = zero ? amount : amount / 100;
  const number = numberFormat(locale, digits).format(value);
  return `${number} ${currency.toUpperCase()}`;
}
