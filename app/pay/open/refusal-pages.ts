import { getLocale, getTranslations } from 'next-intl/server';
import { linkErrorPage, linkFailureStatus, plainPage, type LinkFailure } from '@/lib/auth/plain-page';
import { html } from '@/lib/server/reply';
import { noLeak } from '@/lib/server/start-session';
import { plainFrame } from '@/app/plain-frame';

/** A link that does not hold: a plain page that says what to do; no account data. */
export async function linkFailurePage(reason: LinkFailure): Promise<Response> {
  const [locale, t, frame] = await Promise.all([getLocale(), getTranslations('link'), plainFrame()]);
  return html(linkErrorPage(reason, locale, t, frame), linkFailureStatus[reason], noLeak);
}

/** A post that did not come from our own page (another site's form): nothing was opened. */
export async function notFromOurPage(): Promise<Response> {
  const [locale, t, frame] = await Promise.all([getLocale(), getTranslations('open'), plainFrame()]);
  return html(plainPage(t('refusedTitle'), t('refusedLead'), locale, [], frame), 403, noLeak);
}
