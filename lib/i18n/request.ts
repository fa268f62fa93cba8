import { cookies, headers } from 'next/headers';
import type { Messages } from 'next-intl';
import { getRequestConfig } from 'next-intl/server';
import { LANG_COOKIE, pickLocale, type Locale } from './locale';
import { missingMessageMarker, reportIntlError } from './misses';
import { INTL_FORMATS, TIME_ZONE } from './when';

/** Each catalogue loads on its own: a request reads only its language's. */
const catalogues = {
  da: () => import('@/messages/da.json'),
  en: () => import('@/messages/en.json'),
} satisfies Record<Locale, unknown>;

/**
 * next-intl's configuration per request, without i18n routing: the `lang` cookie, else the
 * browser's Accept-Language, else English (pickLocale). Used by getTranslations in pages,
 * layouts and route handlers alike; next.config.js points the plugin here.
 */
export default getRequestConfig(async () => {
  const [jar, h] = await Promise.all([cookies(), headers()]);
  const locale = pickLocale(jar.get(LANG_COOKIE)?.value, h.get('accept-language'));
  // Typed from the English catalogue (lib/i18n/app-config.d.ts); a test holds Danish to its keys and placeholders.
  const messages = (await catalogues[locale]()).default as Messages;
  return {
    locale,
    timeZone: TIME_ZONE,
    formats: INTL_FORMATS,
    messages,
    // A catalogue miss never breaks a page: it is logged and shows a marker a test finds (e2e/language.spec.ts).
    onError: reportIntlError,
    getMessageFallback: missingMessageMarker,
  };
});
