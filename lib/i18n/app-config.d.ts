import type messages from '@/messages/en.json';
import type { Locale } from './locale';
import type { INTL_FORMATS } from './when';

/**
 * next-intl's types for this app: a key not in the English catalogue fails `tsc`, and so does
 * a locale other than 'da' or 'en' (the Danish catalogue is held to the same keys by a test).
 */
declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof messages;
    Formats: typeof INTL_FORMATS;
  }
}
