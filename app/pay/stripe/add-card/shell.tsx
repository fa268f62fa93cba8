'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, type ReactNode } from 'react';

/** The frame of the open form: its heading takes focus when it opens, so readers land on it. */
export function Shell({ sepaEnabled, children }: { sepaEnabled: boolean; children: ReactNode }) {
  const t = useTranslations('stripe');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="stripe-form" aria-labelledby="stripe-form-title" data-testid="stripe-form">
      <h2 id="stripe-form-title" ref={heading} tabIndex={-1}>
        {t(sepaEnabled ? 'titleSepa' : 'title')}
      </h2>
      <p className="stripe-lead">{t('lead')}</p>
      {children}
    </section>
  );
}

/** A problem the person can act on: what happened, "Try again" (when it can help) and "Cancel". */
export function Problem({ message, retry, cancel }: { message: string; retry?: () => void; cancel: () => void }) {
  const t = useTranslations();
  return (
    <>
      <p className="stripe-error" role="alert">
        {message}
      </p>
      <div className="actions stripe-actions">
        {retry && (
          <button type="button" className="button" onClick={retry}>
            {t('card.tryAgain')}
          </button>
        )}
        <button type="button" className="button-link" onClick={cancel}>
          {t('stripe.cancel')}
        </button>
      </div>
    </>
  );
}

/** While Stripe.js and the SetupIntent are on their way. */
export function Loading({ cancel }: { cancel: () => void }) {
  const t = useTranslations('stripe');
  return (
    <>
      <p className="stripe-loading" role="status">
        {t('loading')}
      </p>
      <div className="actions stripe-actions">
        <button type="button" className="button-link" onClick={cancel}>
          {t('cancel')}
        </button>
      </div>
    </>
  );
}
