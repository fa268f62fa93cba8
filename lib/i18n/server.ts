import 'server-only';
import { cookies, headers } from 'next/headers';
import { LANG_COOKIE, type Locale } from './messages';
import { pickLocale, translator, type Translate } from './translate';

export async function getLocale(): Promise<Locale> {
  const [jar, h] = await Promise.all([cookies(), headers()]);
  return pickLocale(jar.get(LANG_COOKIE)?.value, h.get('accept-language'));
}

export async function getTranslator(): Promise<{ locale: Locale; t: Translate }> {
  const locale = await getLocale();
  return { locale, t: translator(locale) };
}
