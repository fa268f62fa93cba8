'use client';

import type { StripeCardElement, StripeError } from '@stripe/stripe-js';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { openStripe } from '@/app/pay/stripe/add-card/load-stripe';

type Props = {
  clientSecret: string;
  amount: string;
  publishableKey: string;
  stripeJsUrl: string | null;
  locale: 'da' | 'en';
  busy: boolean;
  onPay: (confirm: () => Promise<{ error?: StripeError }>) => Promise<void>;
  onLoadError: () => void;
};

/**
 * Pay with another card: a Card Element, confirmed on the same PaymentIntent with
 * `setup_future_usage: off_session`, so Stripe keeps the card for Fenerum's later charges (the
 * server registers it with Fenerum once the payment succeeded).
 */
export function NewCardForm({ clientSecret, amount, publishableKey, stripeJsUrl, locale, busy, onPay, onLoadError }: Props) {
  const t = useTranslations('approval');
  const mountPoint = useRef<HTMLDivElement>(null);
  const card = useRef<{ element: StripeCardElement; stripe: Awaited<ReturnType<typeof openStripe>> } | null>(null);
  const [ready, setReady] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // The parent's callback changes every render; the Element must not be remounted for it.
  const loadError = useRef(onLoadError);
  useEffect(() => {
    loadError.current = onLoadError;
  }, [onLoadError]);

  useEffect(() => {
    let gone = false;
    let element: StripeCardElement | null = null;
    heading.current?.focus();
    openStripe(publishableKey, stripeJsUrl, locale).then(
      (stripe) => {
        if (gone || !mountPoint.current) return;
        element = stripe.elements({ locale }).create('card', { hidePostalCode: true, style: { base: { fontSize: '16px' } } });
        element.on('ready', () => setReady(true));
        element.mount(mountPoint.current);
        card.current = { element, stripe };
      },
      () => loadError.current(),
    );
    return () => {
      gone = true;
      element?.destroy();
      card.current = null;
    };
  }, [publishableKey, stripeJsUrl, locale]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const held = card.current;
    if (!held || !ready) return;
    void onPay(() => held.stripe.confirmCardPayment(clientSecret, { payment_method: { card: held.element }, setup_future_usage: 'off_session' }));
  };

  return (
    <form className="stripe-form" onSubmit={submit} noValidate data-testid="approval-new-card">
      <h2 ref={heading} tabIndex={-1}>
        {t('otherCard')}
      </h2>
      <p className="stripe-lead">{t('otherCardLead')}</p>
      <div className="stripe-element approval-card-element" ref={mountPoint} />
      <div className="actions stripe-actions">
        <button type="submit" className="button" disabled={!ready || busy} data-testid="approval-pay">
          {busy ? t('paying') : t('pay', { amount })}
        </button>
      </div>
    </form>
  );
}
