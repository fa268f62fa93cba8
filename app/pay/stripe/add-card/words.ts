import type { AbstractIntlMessages } from 'next-intl';
import type { Locale } from '@/lib/i18n/locale';

/**
 * What the "Add card" button and the form's frame say before the form's own chunk (and with it
 * next-intl's client) has loaded: put into words by the server, so the page's first JavaScript
 * carries no translator.
 */
export type ShellWords = { add: string; title: string; lead: string; loading: string; cancel: string; tryAgain: string; network: string };

/** The form's language, for next-intl in the form's chunk: the `stripe` and `card` namespaces only. */
export type FormLanguage = { locale: Locale; timeZone: string; messages: AbstractIntlMessages };
