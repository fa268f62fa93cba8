import { pickLocale, type Locale } from '@/lib/i18n/locale';

const intlLocale: Record<Locale, string> = { da: 'da-DK', en: 'en-GB' };

/** "1 December 2026" / "1. december 2026", in Copenhagen's time (the portal's). */
export function formatDay(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Copenhagen' }).format(date);
}

/**
 * The language of an account's email, from Fenerum's account `language` (e.g. "da", "en",
 * "nb", "sv"): Danish for Danish and Norwegian (as the portal reads Accept-Language), English
 * for every other language and when Fenerum gives none.
 */
export function accountLocale(language: string | null | undefined): Locale {
  return pickLocale(undefined, language?.trim() || null);
}
