import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { titled } from '@/app/page-title';
import { MerchantFooter } from './merchant-footer';
import { SupportContact } from './support-contact';

export const generateMetadata = titled('notFound');

/** Any address the portal does not have (and a page that calls notFound()), in the visitor's language. */
export default async function NotFound() {
  const t = await getTranslations('errors');
  return (
    <>
      <section className="panel" data-testid="not-found">
        <h1>{t('notFoundTitle')}</h1>
        <p>{t('notFoundLead')}</p>
        <SupportContact />
        <p>
          <Link href="/">{t('home')}</Link>
        </p>
      </section>
      <MerchantFooter />
    </>
  );
}
