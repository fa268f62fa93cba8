import { LOCALES, messages, type Locale, type MessageKey } from './messages';

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  return (key, vars) => {
    const text: string = messages[locale][key];
    return vars ? text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`)) : text;
  };
}

/** The cookie's choice wins; else the first supported language the browser asks for; else English. */
export function pickLocale(cookie: string | undefined, acceptLanguage: string | null): Locale {
  if (cookie && (LOCALES as string[]).includes(cookie)) return cookie as Locale;
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

/** "12/34"-style expiry for people; month and year as Fenerum gives them. */
export function formatExpiry(month: number, year: number): string {
  return `${String(month).padStart(2, '0')}/${String(year % 100).padStart(2, '0')}`;
}
