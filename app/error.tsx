'use client';

import { useTranslations } from 'next-intl';
import { useEffect } from 'react';

/**
 * A page that failed while it was shown, in the visitor's language (the words come with the
 * root layout). Next shows the digest, never the error's text, in production.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errors');
  useEffect(() => {
    document.title = t('errorTitle');
  }, [t]);
  return (
    <section className="panel" role="alert" data-testid="error-page">
      <h1>{t('errorTitle')}</h1>
      <p>{t('errorLead')}</p>
      {error.digest ? <p className="staff-hint">{t('reference', { digest: error.digest })}</p> : null}
      <button type="button" className="button" onClick={reset}>
        {t('retry')}
      </button>
    </section>
  );
}
