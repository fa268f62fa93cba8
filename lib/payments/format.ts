import { toDecimal } from '@/lib/farpay/money';

/** Øre as money a person reads ("1.234,50 kr." / "DKK 1,234.50"): formatted from the exact decimal string, never a float. */
export function formatMinor(minor: number, locale: string): string {
  const nf = new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB', { style: 'currency', currency: 'DKK' });
  return nf.format(toDecimal(minor) as `${number}`);
}

/** A FarPay date as a person reads it, in Copenhagen time (a bare date stays a date). */
export function formatDate(date: string, dateOnly: boolean, locale: string): string {
  const ms = Date.parse(dateOnly ? `${date}T12:00:00Z` : date);
  if (Number.isNaN(ms)) return date;
  const opts: Intl.DateTimeFormatOptions = dateOnly ? { dateStyle: 'medium' } : { dateStyle: 'medium', timeStyle: 'short' };
  return new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', { ...opts, timeZone: 'Europe/Copenhagen' }).format(ms);
}
