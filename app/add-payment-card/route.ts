import { getLocale, getTranslations } from 'next-intl/server';
import { plainPage } from '@/lib/auth/plain-page';
import { isRefused } from '@/lib/domain/outcomes';
import { customerRoute } from '@/lib/server/customer-route';
import { html, seeOther } from '@/lib/server/reply';
import { plainFrame } from '@/app/plain-frame';

const noStore = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' };

/**
 * A plain link that works without JavaScript: straight on to QuickPay's window (303) when
 * followed from our own pages; followed from anywhere else (another site, an image, a
 * prefetch) it starts nothing and shows a page whose link comes back from here. A refusal is a
 * page a person can read.
 */
export const GET = customerRoute(
  {
    provider: 'quickpay',
    page: async (res) => {
      const [locale, t, frame] = await Promise.all([getLocale(), getTranslations(), plainFrame()]);
      const [title, lead] =
        res.status === 401
          ? [t('portal.sessionEnded'), t('portal.sessionEndedLead')]
          : res.status === 429
            ? [t('card.failed'), t('card.tooMany')]
            : [t('card.failed'), t('quickpay.unavailable')];
      const retryAfter = res.headers.get('Retry-After');
      return html(plainPage(title, lead, locale, [], frame), res.status, retryAfter ? { ...noStore, 'Retry-After': retryAfter } : noStore);
    },
    plainLink: {
      elsewhere: async () => {
        const [locale, t, frame] = await Promise.all([getLocale(), getTranslations(), plainFrame()]);
        const actions = [
          { href: '/add-payment-card', label: t('quickpay.continue') },
          { href: '/pay', label: t('portal.back') },
        ];
        return html(plainPage(t('quickpay.continueTitle'), t('quickpay.continueLead'), locale, actions, frame), 200, noStore);
      },
    },
  },
  async ({ session, ctx, ip }) => {
    const started = await ctx.cards.startQuickpay(session, await getLocale(), ip);
    return isRefused(started) ? started : seeOther(started.url, noStore);
  },
);
