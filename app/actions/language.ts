'use server';
import { cookies } from 'next/headers';
import { isLocale, LANG_COOKIE } from '@/lib/i18n/locale';
import { publicAction, type PublicActionState } from '@/lib/server/public-action';

/** The language switch: remembered for a year, the page renders again in it. */
export const setLanguage = publicAction(async (_prev: PublicActionState, form: FormData): Promise<PublicActionState> => {
  const lang = form instanceof FormData ? form.get('lang') : null;
  if (!isLocale(lang)) return null;
  (await cookies()).set(LANG_COOKIE, lang, { path: '/', maxAge: 365 * 86400, sameSite: 'lax', httpOnly: true });
  return null;
});
