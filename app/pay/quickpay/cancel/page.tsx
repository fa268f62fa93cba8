import { getTranslations } from 'next-intl/server';
import { CardProblem } from '../../card-saved';
import { titled } from '@/app/page-title';

export const generateMetadata = titled('noCard', { referrer: 'no-referrer' });

/** The customer cancelled in QuickPay's window: say so, offer the way back and another try. */
export default async function QuickpayCancelPage() {
  const t = await getTranslations('quickpay');
  return <CardProblem title={t('cancelled')} lead={t('cancelledLead')} retryHref="/add-payment-card" />;
}
