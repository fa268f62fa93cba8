import { getTranslations } from 'next-intl/server';
import { currentMerchant } from '@/lib/merchant/current';

/** A phone number as a tel: address (digits and a leading +). */
const telOf = (phone: string) => `tel:${phone.replace(/[^+\d]/g, '')}`;

/** "Contact Nordlys Fiber: kundeservice@… or +45 …": where a customer page says to ask the merchant. */
export async function SupportContact({ lead = 'contact' }: { lead?: 'contact' | 'footerLead' }) {
  const t = await getTranslations('merchant');
  const { name, support } = currentMerchant();
  return (
    <p className="support-contact" data-testid="support-contact">
      {t(lead, { merchant: name })} <a href={`mailto:${support.email}`}>{support.email}</a>
      {support.phone && (
        <>
          {' '}
          {t('or')} <a href={telOf(support.phone)}>{support.phone}</a>
        </>
      )}
    </p>
  );
}
