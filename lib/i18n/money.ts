import type { Locale } from './locale';

/** An amount as Stripe and Fenerum keep it: minor units (øre, cents) and an ISO currency. */
export type Money = { minor: number; currency: string };

const intlLocale: Record<Locale, string> = { da: 'da-DK', en: 'en-GB' };

/** Currencies Stripe counts in whole units (no minor unit). */
const ZERO_DECIMAL = new Set(['bif', 'clp', 'djf', 'gnf', 'jpy', 'kmf', 'krw', 'mga', 'pyg', 'rwf', 'ugx', 'vnd', 'vuv', 'xaf', 'xof', 'xpf']);
/** Currencies Stripe counts in thousandths. */
const THREE_DECIMAL = new Set(['bhd', 'jod', 'kwd', 'omr', 'tnd']);

/** How many decimals Stripe's minor units of a currency have. */
function decimalsOf(currency: string): number {
  const code = currency.toLowerCase();
  return ZERO_DECIMAL.has(code) ? 0 : THREE_DECIMAL.has(code) ? 3 : 2;
}

/**
 * Money a customer reads (the portal's pages and its emails alike), the way the language writes
 * it: "499,00 kr." in Danish, "DKK 499.00" in English; the currency's own decimals (none for
 * JPY). The space inside is a no-break space, so the amount never wraps from its currency.
 */
export function formatMoney(money: Money, locale: Locale): string {
  const digits = decimalsOf(money.currency);
  return formatterOf(locale, money.currency.toUpperCase(), digits).format(money.minor / 10 ** digits);
}

/** One formatter per language and currency, per process: building one costs more than formatting. */
const formatters = new Map<string, Intl.NumberFormat>();
function formatterOf(locale: Locale, currency: string, digits: number): Intl.NumberFormat {
  const id = `${locale}:${currency}`;
  let format = formatters.get(id);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale[locale], { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
    formatters.set(id, format);
  }
  return format;
}
