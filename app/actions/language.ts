'use server';
import { cookies } from 'next/headers';
import { isLocale, LANG_COOKIE } from '@/lib/i18n/locale';

/** The language switch: remembered for a year, the page renders again in it. */
export async function setLanguage(form: FormData): Promise<void> {
  const lang = form instanceof FormData ? form.get('lang') : null;
  if (!isLocale(lang)) return;
  (await cookies()).set(LANG_COOKIE, lang, { path: '/', maxAge: 365 * 86400, sameSite: 'lax', httpOnly: true });
}
