import { getTranslations } from 'next-intl/server';
import type { PlainFrame } from '@/lib/auth/plain-page';
import { currentMerchant } from '@/lib/merchant/current';

/** The merchant's frame around a plain page (a link that does not hold, a question before opening one), in the reader's language. */
export async function plainFrame(): Promise<PlainFrame> {
  const t = await getTranslations('merchant');
  const m = currentMerchant();
  const links = [...(m.termsUrl ? [{ label: t('terms'), href: m.termsUrl }] : []), ...(m.privacyUrl ? [{ label: t('privacy'), href: m.privacyUrl }] : [])];
  return {
    merchant: m.name,
    logoUrl: m.logoUrl,
    accent: m.accent,
    contact: t('contact', { merchant: m.name }),
    or: t('or'),
    email: m.support.email,
    phone: m.support.phone,
    links,
  };
}
