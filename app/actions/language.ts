'use server';
import { cookies } from 'next/headers';
import { LANG_COOKIE, LOCALES } from '@/lib/i18n/messages';

/** The language switch: remembered for a year, the page renders again in it. */
export async function setLanguage(form: FormData): Promise<void> {
  const lang = form.get('lang');
  if (typeof lang !== 'string' || !(LOCALES as string[]).includes(lang)) return;
  (await cookies()).set(LANG_COOKIE, lang, { path: '/', maxAge: 365 * 86400, sameSite: 'lax', httpOnly: true });
}
