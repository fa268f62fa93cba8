/** The portal's languages, and how a request's is chosen. No locale in the URL: the routes are a contract. */
const LOCALES = ['da', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
/** Set by the language switch (app/actions/language.ts). */
export const LANG_COOKIE = 'lang';

export const isLocale = (value: unknown): value is Locale => (LOCALES as readonly unknown[]).includes(value);

/** The cookie's choice wins; else the first supported language the browser asks for; else English. */
export function pickLocale(cookie: string | undefined, acceptLanguage: string | null): Locale {
  if (isLocale(cookie)) return cookie;
  const wanted = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', q] = part.trim().split(';q=');
      return { lang: tag.toLowerCase().split('-')[0] ?? '', q: q ? Number(q) : 1 };
    })
    .filter((w) => w.lang && !Number.isNaN(w.q))
    .sort((a, b) => b.q - a.q);
  for (const w of wanted) {
    if (w.lang === 'da' || w.lang === 'nb' || w.lang === 'no') return 'da';
    if (w.lang === 'en') return 'en';
  }
  return 'en';
}
