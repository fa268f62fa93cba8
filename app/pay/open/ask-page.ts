import { getLocale, getTranslations } from 'next-intl/server';
import type { CustomerSession } from '@/lib/auth/session-token';
import { plainPage } from '@/lib/auth/plain-page';
import type { AppContext } from '@/lib/server/context';
import { html } from '@/lib/server/reply';
import { noLeak } from '@/lib/server/start-session';
import { plainFrame } from '@/app/plain-frame';
import { accountName } from './account-name';

/**
 * The question asked before a link starts a session it should not start by itself: "You are
 * viewing X. Open Y instead?" when a session for another account is live, else "Continue to
 * your card portal" (a link opened from another site, or fetched by a mail scanner). The button
 * posts the token in the body to /pay/open, which checks that the post came from this page.
 */
export async function askBeforeOpening(
  ctx: Pick<AppContext, 'fenerum' | 'portalCache'>,
  token: string,
  linked: CustomerSession,
  current: CustomerSession | null,
): Promise<Response> {
  const [locale, t, frame] = await Promise.all([getLocale(), getTranslations('open'), plainFrame()]);
  const other = current && current.accountCode !== linked.accountCode ? current : null;
  const [account, viewing] = await Promise.all([accountName(ctx, linked.accountCode), other ? accountName(ctx, other.accountCode) : null]);
  const open = { post: '/pay/open', fields: { token } };
  const page =
    viewing === null
      ? plainPage(t('continueTitle'), t('continueLead', { account }), locale, [{ ...open, label: t('continue') }], frame)
      : plainPage(
          t('switchTitle', { current: viewing }),
          t('switchLead', { account, current: viewing }),
          locale,
          [
            { ...open, label: t('switch', { account }) },
            { href: '/pay', label: t('stay', { current: viewing }) },
          ],
          frame,
        );
  return html(page, 200, noLeak);
}
