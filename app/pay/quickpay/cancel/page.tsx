import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { CardProblem } from '../../card-saved';

export const metadata: Metadata = { title: 'No card was added', referrer: 'no-referrer' };

/** The customer cancelled in QuickPay's window: say so, offer the way back and another try. */
export default async function QuickpayCancelPage() {
  const t = await getTranslations('quickpay');
  return <CardProblem title={t('cancelled')} lead={t('cancelledLead')} retryHref="/add-payment-card" />;
}
