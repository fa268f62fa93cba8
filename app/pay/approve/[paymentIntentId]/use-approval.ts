'use client';

import type { StripeError } from '@stripe/stripe-js';
import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { openStripe } from '@/app/pay/stripe/add-card/load-stripe';
import { finishApproval, type Finished } from './api';
import type { Settled } from './outcome';

/** What the approval page (a server component) hands over. */
export type ApprovalPanelProps = {
  paymentIntentId: string;
  amount: string;
  /** Only while the payment waits for this customer (the server checked whose it is). */
  clientSecret: string;
  savedCard: { paymentMethodId: string; line: string } | null;
  authenticationFailed: boolean;
  /** The bank declined after the customer approved: the payment is still payable, with another card. */
  declined: boolean;
  publishableKey: string;
  stripeJsUrl: string | null;
  locale: 'da' | 'en';
};

const AUTH_FAILED = new Set(['payment_intent_authentication_failure', 'authentication_required']);

/** Why the last try failed: 3-D Secure, or a decline (with Stripe's sentence when this page saw it). */
export type Failure = { kind: 'authentication' } | { kind: 'declined'; message: string | null } | null;

const failureFrom = (authenticationFailed: boolean, declined: boolean): Failure =>
  authenticationFailed ? { kind: 'authentication' } : declined ? { kind: 'declined', message: null } : null;

/**
 * The approval's state and its one action: `run` confirms with Stripe.js (the saved card through
 * `approve`, or the new-card form), then asks the server where the payment stands; a second
 * click while one runs is ignored.
 */
export function useApproval(props: ApprovalPanelProps) {
  const { paymentIntentId, clientSecret, savedCard, publishableKey, stripeJsUrl, locale } = props;
  const t = useTranslations('approval');
  const [busy, setBusy] = useState(false);
  const [announce, setAnnounce] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure>(failureFrom(props.authenticationFailed, props.declined));
  const [settled, setSettled] = useState<{ state: Settled; newCard: string | null } | null>(null);
  // A second click lands before React re-renders the disabled button: this ref stops it.
  const working = useRef(false);

  /** After Stripe.js: the server reads the PaymentIntent and says where it stands. */
  const settle = async (): Promise<void> => {
    const done: Finished = await finishApproval(paymentIntentId);
    if (done.kind === 'needs-approval') {
      setFailure(failureFrom(done.authenticationFailed, done.declined));
      setAnnounce(done.authenticationFailed ? t('authFailed') : done.declined ? t('bankDeclined') : '');
      return;
    }
    if ('card' in done) {
      setSettled({ state: done.kind, newCard: done.card ? t('card', done.card) : null });
      setAnnounce(t(done.kind));
      return;
    }
    setProblem(t(done.kind === 'session' ? 'sessionEnded' : 'network'));
  };

  /** What Stripe.js answered: an error to show, or on to the server. */
  const afterConfirm = async (result: { error?: StripeError }): Promise<void> => {
    const error = result.error;
    if (!error) return settle();
    // A double submit: Stripe says it already succeeded.
    if (error.payment_intent?.status === 'succeeded') return settle();
    if (AUTH_FAILED.has(error.code ?? '')) {
      setFailure({ kind: 'authentication' });
      setAnnounce(t('authFailed'));
      return;
    }
    // The bank said no (after the customer approved, or to a new card): still payable (Stripe leaves it requires_payment_method).
    if (error.type === 'card_error') {
      setFailure({ kind: 'declined', message: error.message ?? null });
      setAnnounce(t('bankDeclined'));
      return;
    }
    setAnnounce('');
    setProblem(t('declined', { message: error.message ?? t('network') }));
  };

  const run = async (confirm: () => Promise<{ error?: StripeError }>) => {
    if (working.current) return;
    working.current = true;
    setBusy(true);
    setProblem(null);
    setAnnounce(t('working'));
    try {
      await afterConfirm(await confirm());
    } catch {
      setAnnounce('');
      setProblem(t('network'));
    } finally {
      working.current = false;
      setBusy(false);
    }
  };

  const approve = () =>
    run(async () => {
      const stripe = await openStripe(publishableKey, stripeJsUrl, locale);
      return stripe.confirmCardPayment(clientSecret, savedCard ? { payment_method: savedCard.paymentMethodId, setup_future_usage: 'off_session' } : undefined);
    });

  return { busy, announce, problem, setProblem, failure, settled, run, approve };
}
