import { getLocale, getTranslations } from 'next-intl/server';
import { linkErrorPage, linkFailureStatus, newLinkFormHtml, plainPage, type LinkFailure } from '@/lib/auth/plain-page';
import type { AppContext } from '@/lib/server/context';
import { html } from '@/lib/server/reply';
import { noLeak } from '@/lib/server/start-session';
import { plainFrame } from '@/app/plain-frame';

/**
 * A link that does not hold: a plain page that says what to do; no account data. An expired or
 * withdrawn link of ours also offers "email me a new link" for the account it was for.
 */
export async function linkFailurePage(ctx: Pick<AppContext, 'newLinks'>, reason: LinkFailure, token: string): Promise<Response> {
  const offersNewLink = reason === 'expired' || reason === 'revoked';
  const [locale, t, frame, ask] = await Promise.all([
    getLocale(),
    getTranslations('link'),
    plainFrame(),
    offersNewLink ? ctx.newLinks.askForLink(token) : null,
  ]);
  const form = ask ? await newLinkForm(ask) : '';
  return html(linkErrorPage(reason, locale, t, frame, form), linkFailureStatus[reason], noLeak);
}

/** The "email me a new link" form for the account `ask` names (its signed value), in the reader's language. */
export async function newLinkForm(ask: string, refusal?: { error: string; value: string }): Promise<string> {
  const t = await getTranslations('newLink');
  return newLinkFormHtml(ask, { heading: t('heading'), intro: t('intro'), email: t('email'), send: t('send'), ...refusal });
}

/** A post that did not come from our own page (another site's form): nothing was opened. */
export async function notFromOurPage(): Promise<Response> {
  const [locale, t, frame] = await Promise.all([getLocale(), getTranslations('open'), plainFrame()]);
  return html(plainPage(t('refusedTitle'), t('refusedLead'), locale, [], frame), 403, noLeak);
}
