'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { NewCardForm } from './new-card-form';
import { Outcome } from './outcome';
import { useApproval, type ApprovalPanelProps, type Failure } from './use-approval';

/**
 * "Approve 499.00 DKK with Visa •••• 4242": confirmCardPayment on the saved card (the
 * PaymentIntent is in requires_payment_method after the off-session failure, so not
 * handleNextAction), with `setup_future_usage: 'off_session'` so the authentication also renews
 * the card for Fenerum's later charges (seeds/001). If the bank says no (3-D Secure failed or a
 * decline), the payment stays payable: the customer may try again or pay with another card.
 */
export function ApprovalPanel(props: ApprovalPanelProps) {
  const { amount, clientSecret, savedCard, publishableKey, stripeJsUrl, locale } = props;
  const t = useTranslations('approval');
  const { busy, announce, problem, setProblem, failure, settled, run, approve } = useApproval(props);
  const [otherCard, setOtherCard] = useState(false);

  if (settled) {
    return (
      <>
        <Outcome
          state={settled.state}
          amount={amount}
          newCard={settled.newCard}
          focus
          retireHref={savedCard ? `/pay?replaced=${encodeURIComponent(savedCard.paymentMethodId)}#retire` : '/pay#cards'}
        />
        <p className="visually-hidden" role="status">
          {announce}
        </p>
      </>
    );
  }
  return (
    <div className="approval" aria-busy={busy}>
      <h1>{t('title')}</h1>
      <p>{t('needsLead', { amount })}</p>
      {failure && <FailureNotice failure={failure} />}
      {problem && (
        <p className="stripe-error" role="alert">
          {problem}
        </p>
      )}
      {otherCard ? (
        <NewCardForm {...{ clientSecret, amount, publishableKey, stripeJsUrl, locale, busy }} onPay={run} onLoadError={() => setProblem(t('loadFailed'))} />
      ) : (
        <div className="actions stripe-actions">
          <button type="button" className="button" onClick={() => void approve()} disabled={busy} data-testid="approve">
            {busy ? t('working') : savedCard ? t('approveWith', { amount, card: savedCard.line }) : t('approve', { amount })}
          </button>
          {failure && (
            <button type="button" className="button button-secondary" onClick={() => setOtherCard(true)} disabled={busy}>
              {t('otherCard')}
            </button>
          )}
        </div>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announce}
      </p>
    </div>
  );
}

/** Why the last try failed, above the buttons: 3-D Secure, or the bank's no (with Stripe's sentence when this page saw it). */
function FailureNotice({ failure }: { failure: NonNullable<Failure> }) {
  const t = useTranslations('approval');
  return (
    <p className="stripe-notice stripe-notice-bad" role="alert" data-testid={failure.kind === 'authentication' ? 'approval-auth-failed' : 'approval-declined'}>
      {failure.kind === 'authentication' ? t('authFailed') : failure.message ? t('declinedTryOther', { message: failure.message }) : t('bankDeclined')}
    </p>
  );
}
