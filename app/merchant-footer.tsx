import { getTranslations } from 'next-intl/server';
import { currentMerchant } from '@/lib/merchant/current';
import { SupportContact } from './support-contact';

/** Below every customer page: whom to ask (the merchant's support email and phone) and its terms and privacy policy. */
export async function MerchantFooter() {
  const t = await getTranslations('merchant');
  const { name, termsUrl, privacyUrl } = currentMerchant();
  return (
    <footer className="merchant-footer" aria-label={t('footerLabel', { merchant: name })} data-testid="merchant-footer">
      <SupportContact lead="footerLead" />
      {(termsUrl || privacyUrl) && (
        <p className="merchant-links">
          {termsUrl && <a href={termsUrl}>{t('terms')}</a>}
          {privacyUrl && <a href={privacyUrl}>{t('privacy')}</a>}
        </p>
      )}
    </footer>
  );
}
