'use client';

import { useEffect, useState } from 'react';
import type { Stripe } from '@stripe/stripe-js';
import type { Trouble } from './api';
import type { FormLanguage } from './words';
import { openStripe } from './load-stripe';
import { useFinishing, type Notice } from './use-finishing';

export type Failure = Trouble | 'stripe';

/**
 * Stripe.js for the form, or why not: loaded as soon as the panel is there (open or about to be;
 * openStripe keeps one per key and locale, so this is usually at once). `retry` loads it again
 * after a failure; `fail` drops it, with the reason to show.
 */
export function useStripeJs(publishableKey: string, stripeJsUrl: string | null, locale: FormLanguage['locale']) {
  const [loaded, setLoaded] = useState<Stripe | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    // Stripe.js loads once per page (openStripe keeps it): StrictMode's second run gets the same one.
    void openStripe(publishableKey, stripeJsUrl, locale).then(
      (stripe) => live && setLoaded(stripe),
      () => live && setFailure('stripe'),
    );
    return () => {
      live = false;
    };
  }, [attempt, publishableKey, stripeJsUrl, locale]);

  const fail = (why: Failure) => {
    setLoaded(null);
    setFailure(why);
  };
  const retry = () => {
    setFailure(null);
    setAttempt((n) => n + 1);
  };
  return { loaded, failure, fail, retry };
}

/** What came of the last card (saved, still finishing, …), kept after the form closes; opening the form again clears an old outcome. */
export function useOutcome(open: boolean, refresh: () => void) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const [focusNotice, setFocusNotice] = useState(0);
  // Opening the form again clears an old outcome (not a card still being finished).
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open && notice?.kind !== 'finishing') setNotice(null);
  }
  useFinishing(notice, setNotice, refresh);
  const show = (next: Notice) => {
    setNotice(next);
    setFocusNotice((n) => n + 1);
  };
  return { notice, focusNotice, show };
}
