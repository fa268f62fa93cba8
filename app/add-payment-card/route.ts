import { getLocale, getTranslations } from 'next-intl/server';
import { plainPage } from '@/lib/auth/plain-page';
import { startQuickpayCard } from '@/lib/cards/quickpay/start';
import { refused } from '@/lib/domain/outcomes';
import { customerRoute } from '@/lib/server/customer-route';
import { html, seeOther } from '@/lib/server/reply';

const noStore = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' };

/** A plain link that works without JavaScript: straight on to QuickPay's window (303); a refusal is a page a person can read. */
export const GET = customerRoute(
  {
    page: async (res) => {
      const [locale, t] = await Promise.all([getLocale(), getTranslations()]);
      const [title, lead] = res.status === 401 ? [t('portal.sessionEnded'), t('portal.sessionEndedLead')] : [t('card.failed'), t('quickpay.unavailable')];
      return html(plainPage(title, lead, locale), res.status, noStore);
    },
  },
  async ({ session, ctx, ip }) => {
    if (!ctx.env.quickpay.enabled) return refused('disabled', 'QuickPay is not offered here');
    const { url } = await startQuickpayCard({ db: ctx.db, quickpay: ctx.quickpay, appUrl: ctx.env.appUrl }, session, await getLocale(), ip);
    return seeOther(url, noStore);
  },
);
