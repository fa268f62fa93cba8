import { toDecimal } from '@/lib/farpay/money';
import { formatWhen, TIME_ZONE } from '@/lib/i18n/when';

/**
 * Minor units as money a person reads ("1.234,50 kr." / "DKK 1,234.50", "€25.50"), in the
 * payment's currency (DKK where FarPay names none): formatted from the exact decimal string, never
 * a float. A currency code Intl does not know is written after the amount.
 */
export function formatMinor(minor: number, locale: string, currency = 'DKK'): string {
  const tag = locale === 'da' ? 'da-DK' : 'en-GB';
  try {
    return new Intl.NumberFormat(tag, { style: 'currency', currency }).format(toDecimal(minor) as `${number}`);
  } catch {
    return `${new Intl.NumberFormat(tag, { minimumFractionDigits: 2 }).format(toDecimal(minor) as `${number}`)} ${currency.slice(0, 3)}`;
  }
}

/** A FarPay date as a person reads it, in Copenhagen time with its zone (a bare date stays a date). */
export function formatDate(date: string, dateOnly: boolean, locale: string): string {
  const ms = Date.parse(dateOnly ? `${date}T12:00:00Z` : date);
  if (Number.isNaN(ms)) return date;
  if (!dateOnly) return formatWhen(ms, locale);
  return new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', { dateStyle: 'medium', timeZone: TIME_ZONE }).format(ms);
}
