import type { Metadata } from 'next';
import { getTranslator } from '@/lib/i18n/server';
import { CardProblem } from '../../card-saved';

export const metadata: Metadata = { title: 'No card was added', referrer: 'no-referrer' };

/** The customer cancelled in QuickPay's window: say so, offer the way back and another try. */
export default async function QuickpayCancelPage() {
  const { t } = await getTranslator();
  return <CardProblem title={t('quickpay.cancelled')} lead={t('quickpay.cancelledLead')} t={t} retryHref="/add-payment-card" />;
}
