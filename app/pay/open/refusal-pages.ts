import { getLocale, getTranslations } from 'next-intl/server';
import { linkErrorPage, linkFailureStatus, plainPage, type LinkFailure } from '@/lib/auth/plain-page';
import { html } from '@/lib/server/reply';
import { noLeak } from '@/lib/server/start-session';

/** A link that does not hold: a plain page that says what to do; no account data. */
export async function linkFailurePage(reason: LinkFailure): Promise<Response> {
  const [locale, t] = await Promise.all([getLocale(), getTranslations('link')]);
  return html(linkErrorPage(reason, locale, t), linkFailureStatus[reason], noLeak);
}

/** A post that did not come from our own page (another site's form): nothing was opened. */
export async function notFromOurPage(): Promise<Response> {
  const [locale, t] = await Promise.all([getLocale(), getTranslations('open')]);
  return html(plainPage(t('refusedTitle'), t('refusedLead'), locale), 403, noLeak);
}
