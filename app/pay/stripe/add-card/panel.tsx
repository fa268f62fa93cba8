'use client';

import { useRouter } from 'next/navigation';
import { NextIntlClientProvider, useLocale, useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Stripe } from '@stripe/stripe-js';
import { registerPaymentCard, type Intent, type Trouble } from './api';
import { CardForm } from './card-form';
import type { StripeAddCardProps } from './index';
import { openStripe } from './load-stripe';
import { Notices } from './notices';
import { beginSetupIntent, forgetSetupIntent } from './setup-intent';
import { Loading, Problem, Shell } from './shell';
import { useFinishing, type Notice } from './use-finishing';

type Failure = Trouble | 'stripe';
type Loaded = { stripe: Stripe; intent: Intent };
type Prepared = { ok: true; loaded: Loaded } | { ok: false; failure: Failure };

const MESSAGE = {
  stripe: 'stripe.loadFailed',
  network: 'stripe.network',
  session: 'stripe.sessionEnded',
  unavailable: 'stripe.unavailable',
  // Over the hourly cap of new setups: "in a minute" would not be true.
  'too-many': 'card.tooMany',
  refused: 'card.failedLead',
  'not-confirmed': 'card.failedLead',
} as const satisfies Record<Failure, string>;

export type PanelProps = StripeAddCardProps & { open: boolean; onClose: (focusButton: boolean) => void };

/** Begun by the button at the click's start, before this chunk's component renders. */
export { beginSetupIntent };

/**
 * Everything behind the "Add card" button, a chunk fetched when the page is idle: Stripe.js and
 * a SetupIntent (side by side), the Payment Element, registration, and what came of it. next-intl
 * comes to the browser with it: the button and the frame before it are worded by the server.
 */
export default function Panel(props: PanelProps) {
  const { locale, timeZone, messages } = props.language;
  return (
    <NextIntlClientProvider locale={locale} timeZone={timeZone} messages={messages}>
      <PanelBody {...props} />
    </NextIntlClientProvider>
  );
}

function PanelBody({ open, onClose, ...props }: PanelProps) {
  const { publishableKey, stripeJsUrl, sepaEnabled, words } = props;
  const t = useTranslations();
  const locale = useLocale();
  const router = useRouter();
  const refresh = useCallback(() => router.refresh(), [router]);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [focusNotice, setFocusNotice] = useState(0);
  // Opening the form again clears an old outcome (not a card still being finished).
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open && notice?.kind !== 'finishing') setNotice(null);
  }
  const inFlight = useRef<Promise<Prepared> | null>(null);
  useFinishing(notice, setNotice, refresh);

  useEffect(() => {
    if (!open) return;
    let live = true;
    // StrictMode runs this twice: both runs share one request, so one SetupIntent is made.
    inFlight.current ??= prepare().finally(() => (inFlight.current = null));
    void inFlight.current.then((r) => {
      if (!live) return;
      if (r.ok) setLoaded(r.loaded);
      else setFailure(r.failure);
    });
    return () => {
      live = false;
    };

    async function prepare(): Promise<Prepared> {
      // An unused SetupIntent is kept for the next open (Cancel, then Add card again), until it is used.
      const [stripe, made] = await Promise.all([openStripe(publishableKey, stripeJsUrl, locale).catch(() => null), beginSetupIntent()]);
      if (!stripe) return { ok: false, failure: 'stripe' };
      if (!made.ok) return { ok: false, failure: made.trouble };
      return { ok: true, loaded: { stripe, intent: made.intent } };
    }
  }, [open, attempt, publishableKey, stripeJsUrl, locale]);

  const close = (focusButton: boolean) => {
    setLoaded(null);
    setFailure(null);
    onClose(focusButton);
  };
  const retry = () => {
    setFailure(null);
    setAttempt((n) => n + 1);
  };
  const done = (next: Notice) => {
    forgetSetupIntent();
    setNotice(next);
    setFocusNotice((n) => n + 1);
    close(false);
    refresh();
  };

  /** Stripe confirmed the SetupIntent: the server checks it and registers the card with Fenerum. */
  async function onConfirmed(setupIntentId: string, processing: boolean): Promise<string | null> {
    const r = await registerPaymentCard(setupIntentId);
    if (r.kind === 'registered') done({ kind: 'saved', card: r.card });
    else if (r.kind === 'pending' || (r.kind === 'not-confirmed' && processing))
      done({ kind: 'finishing', setupIntentId, card: r.kind === 'pending' ? r.card : null, slow: false });
    else if (r.kind === 'refused') {
      // This SetupIntent is spent: "Try again" starts a new one.
      forgetSetupIntent();
      setLoaded(null);
      setFailure('refused');
    } else return t(MESSAGE[r.kind]);
    return null;
  }

  const onLoadError = () => {
    forgetSetupIntent();
    setLoaded(null);
    setFailure('stripe');
  };

  return (
    <>
      <Notices notice={notice} focusKey={focusNotice} />
      {open && (
        <Shell words={words}>
          {failure ? (
            <Problem
              words={words}
              message={failure === 'refused' ? `${t('card.failed')}. ${t('card.failedLead')}` : t(MESSAGE[failure])}
              retry={failure === 'session' ? undefined : retry}
              cancel={() => close(true)}
            />
          ) : loaded ? (
            <CardForm
              stripe={loaded.stripe}
              clientSecret={loaded.intent.clientSecret}
              locale={locale}
              sepaEnabled={sepaEnabled}
              onConfirmed={onConfirmed}
              onLoadError={onLoadError}
              onCancel={() => close(true)}
            />
          ) : (
            <Loading words={words} cancel={() => close(true)} />
          )}
        </Shell>
      )}
    </>
  );
}
