'use client';

import { useEffect, useRef, type ReactNode } from 'react';
import type { StripeText } from './text';

/** The frame of the open form: its heading takes focus when it opens, so readers land on it. */
export function Shell({ text, sepaEnabled, children }: { text: StripeText; sepaEnabled: boolean; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="stripe-form" aria-labelledby="stripe-form-title" data-testid="stripe-form">
      <h2 id="stripe-form-title" ref={heading} tabIndex={-1}>
        {text[sepaEnabled ? 'stripe.titleSepa' : 'stripe.title']}
      </h2>
      <p className="stripe-lead">{text['stripe.lead']}</p>
      {children}
    </section>
  );
}

/** A problem the person can act on: what happened, "Try again" (when it can help) and "Cancel". */
export function Problem({ message, retry, cancel, text }: { message: string; retry?: () => void; cancel: () => void; text: StripeText }) {
  return (
    <>
      <p className="stripe-error" role="alert">
        {message}
      </p>
      <div className="actions stripe-actions">
        {retry && (
          <button type="button" className="button" onClick={retry}>
            {text['portal.tryAgain']}
          </button>
        )}
        <button type="button" className="button-link" onClick={cancel}>
          {text['stripe.cancel']}
        </button>
      </div>
    </>
  );
}

/** While Stripe.js and the SetupIntent are on their way. */
export function Loading({ text, cancel }: { text: StripeText; cancel: () => void }) {
  return (
    <>
      <p className="stripe-loading" role="status">
        {text['stripe.loading']}
      </p>
      <div className="actions stripe-actions">
        <button type="button" className="button-link" onClick={cancel}>
          {text['stripe.cancel']}
        </button>
      </div>
    </>
  );
}
