import type { DateTimeFormatOptions } from 'next-intl';
import type { Locale } from './locale';

/** The zone every time on the portal and the console is told in (next-intl's, too: lib/i18n/request.ts). */
export const TIME_ZONE = 'Europe/Copenhagen';

/**
 * A moment as a person reads it, with the zone it is told in: "6. dec. 2026, 08.30 CET",
 * "6 Dec 2026, 08:30 CET". next-intl knows it as the named format `when` (`{at, date, when}` in
 * a message, `format.dateTime(at, 'when')` in a page); code outside next-intl calls formatWhen.
 */
export const WHEN: DateTimeFormatOptions = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
  timeZone: TIME_ZONE,
};

/** The same to the second, for the audit log (`'whenExact'`). */
const WHEN_EXACT: DateTimeFormatOptions = { ...WHEN, second: '2-digit' };

const intlTag = (locale: string) => (locale === 'da' ? 'da-DK' : 'en-GB');

export function formatWhen(at: Date | number, locale: Locale | string): string {
  return new Intl.DateTimeFormat(intlTag(locale), WHEN).format(at);
}

/** next-intl's named formats (lib/i18n/request.ts; typed in app-config.d.ts). */
export const INTL_FORMATS = { dateTime: { when: WHEN, whenExact: WHEN_EXACT } } satisfies { dateTime: Record<string, DateTimeFormatOptions> };
