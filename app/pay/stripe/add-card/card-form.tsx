'use client';

import { Elements, PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js';
import type { Appearance, Stripe, StripeElementsOptions } from '@stripe/stripe-js';
import { useTranslations } from 'next-intl';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { confirmOutcome } from './confirm-outcome';

/** The portal's look, inside Stripe's iframe (colours and radius from globals.css). */
const appearance: Appearance = {
  theme: 'stripe',
  variables: {
    colorPrimary: '#1f3a5f',
    colorText: '#1b2430',
    colorDanger: '#8a1c1c',
    colorBackground: '#ffffff',
    fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
    fontSizeBase: '16px',
    borderRadius: '8px',
  },
};

export type CardFormProps = {
  stripe: Stripe;
  clientSecret: string;
  locale: 'da' | 'en';
  sepaEnabled: boolean;
  /** After Stripe confirmed: registers the card; resolves to a message to show, or null when done. */
  onConfirmed: (setupIntentId: string, processing: boolean) => Promise<string | null>;
  onLoadError: () => void;
  onCancel: () => void;
};

/** The Payment Element for one SetupIntent. A new client secret remounts it (`key`). */
export function CardForm({ stripe, clientSecret, locale, ...rest }: CardFormProps) {
  const options = useMemo<StripeElementsOptions>(() => ({ clientSecret, locale, appearance }), [clientSecret, locale]);
  return (
    <Elements key={clientSecret} stripe={stripe} options={options}>
      <SetupForm {...rest} />
    </Elements>
  );
}

function SetupForm({ sepaEnabled, onConfirmed, onLoadError, onCancel }: Omit<CardFormProps, 'stripe' | 'clientSecret' | 'locale'>) {
  const t = useTranslations();
  const stripe = useStripe();
  const elements = useElements();
  const [ready, setReady] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A second click lands before React re-renders the disabled button: this ref stops it.
  const working = useRef(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!stripe || !elements || !ready || working.current) return;
    working.current = true;
    setBusy(true);
    setError(null);
    try {
      const result = await stripe.confirmSetup({
        elements,
        redirect: 'if_required',
        confirmParams: { return_url: `${window.location.origin}/pay/stripe/return` },
      });
      const outcome = confirmOutcome(result, t);
      setError(outcome.kind === 'failed' ? outcome.message : await onConfirmed(outcome.setupIntentId, outcome.processing));
    } catch {
      setError(t('stripe.network'));
    } finally {
      working.current = false;
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} aria-busy={busy} noValidate>
      {!ready && (
        <p className="stripe-loading" role="status">
          {t('stripe.loading')}
        </p>
      )}
      <div className="stripe-element">
        <PaymentElement options={{ layout: 'tabs' }} onReady={() => setReady(true)} onLoadError={onLoadError} />
      </div>
      {error && (
        <p className="stripe-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions stripe-actions">
        <button type="submit" className="button" disabled={!ready || busy} data-testid="stripe-save">
          {busy ? t('stripe.saving') : t(sepaEnabled ? 'stripe.saveSepa' : 'stripe.save')}
        </button>
        <button type="button" className="button-link" onClick={onCancel} disabled={busy}>
          {t('stripe.cancel')}
        </button>
      </div>
    </form>
  );
}
