'use client';

import { Elements, PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js';
import type { Appearance, Stripe, StripeElements, StripeElementsOptions } from '@stripe/stripe-js';
import { useTranslations } from 'next-intl';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { setupMethodTypes } from '@/lib/cards/stripe/setup-method-types';
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

/** What a Save needs from the page: the SetupIntent to confirm, or what to say instead (its creation failed). */
export type IntentForSave = { ok: true; clientSecret: string } | { ok: false; message: string };

export type CardFormProps = {
  stripe: Stripe;
  locale: 'da' | 'en';
  sepaEnabled: boolean;
  /** On Save, once the fields are valid: the SetupIntent (the page's open one, or a new one). */
  intentForSave: () => Promise<IntentForSave>;
  /** The SetupIntent can no longer take a card: the next Save asks for another. */
  onIntentSpent: () => void;
  /** After Stripe confirmed: registers the card; resolves to a message to show, or null when done. */
  onConfirmed: (setupIntentId: string, processing: boolean) => Promise<string | null>;
  onLoadError: () => void;
  onCancel: () => void;
};

/**
 * The Payment Element, made before any SetupIntent (Stripe's "collect payment details before
 * creating an Intent"): it shows as soon as Stripe.js is there, and the SetupIntent is asked for
 * on Save. Its payment methods are the ones the server's SetupIntent allows.
 */
export function CardForm({ stripe, locale, ...rest }: CardFormProps) {
  const { sepaEnabled } = rest;
  const options = useMemo<StripeElementsOptions>(
    () => ({ mode: 'setup', allowedPaymentMethodTypes: setupMethodTypes(sepaEnabled), locale, appearance }),
    [sepaEnabled, locale],
  );
  return (
    <Elements key={locale} stripe={stripe} options={options}>
      <SetupForm {...rest} />
    </Elements>
  );
}

function SetupForm({ sepaEnabled, intentForSave, onIntentSpent, onConfirmed, onLoadError, onCancel }: Omit<CardFormProps, 'stripe' | 'locale'>) {
  const t = useTranslations();
  const stripe = useStripe();
  const elements = useElements();
  const [ready, setReady] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A second click lands before React re-renders the disabled button: this ref stops it.
  const working = useRef(false);

  /** Stripe's order: validate the fields first (before any other async work), then the SetupIntent, then confirm. */
  async function save(stripe: Stripe, elements: StripeElements): Promise<string | null> {
    const submitted = await elements.submit();
    // The Payment Element shows what is wrong next to the field.
    if (submitted.error) return submitted.error.type === 'validation_error' ? null : (submitted.error.message ?? t('stripe.network'));
    const intent = await intentForSave();
    if (!intent.ok) return intent.message;
    const result = await stripe.confirmSetup({
      elements,
      clientSecret: intent.clientSecret,
      redirect: 'if_required',
      confirmParams: { return_url: `${window.location.origin}/pay/stripe/return` },
    });
    const outcome = confirmOutcome(result, t);
    if (outcome.kind === 'confirmed') return onConfirmed(outcome.setupIntentId, outcome.processing);
    if (!outcome.reusable) onIntentSpent();
    return outcome.message;
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!stripe || !elements || !ready || working.current) return;
    working.current = true;
    setBusy(true);
    setError(null);
    try {
      setError(await save(stripe, elements));
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
