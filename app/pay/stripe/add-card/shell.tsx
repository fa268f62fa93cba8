'use client';

import { useEffect, useRef, type ReactNode } from 'react';
import type { ShellWords } from './words';

/**
 * The frame of the form: its heading takes focus when it opens, so readers land on it. The panel
 * may make it before it opens (`open` false: hidden, its card fields loading meanwhile).
 */
export function Shell({ words, open = true, children }: { words: ShellWords; open?: boolean; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (open) heading.current?.focus();
  }, [open]);
  return (
    <section className="stripe-form" aria-labelledby="stripe-form-title" data-testid="stripe-form">
      <h2 id="stripe-form-title" ref={heading} tabIndex={-1}>
        {words.title}
      </h2>
      <p className="stripe-lead">{words.lead}</p>
      {children}
    </section>
  );
}

/** A problem the person can act on: what happened, "Try again" (when it can help) and "Cancel". */
export function Problem({ words, message, retry, cancel }: { words: ShellWords; message: string; retry?: () => void; cancel: () => void }) {
  return (
    <>
      <p className="stripe-error" role="alert">
        {message}
      </p>
      <div className="actions stripe-actions">
        {retry && (
          <button type="button" className="button" onClick={retry}>
            {words.tryAgain}
          </button>
        )}
        <button type="button" className="button-link" onClick={cancel}>
          {words.cancel}
        </button>
      </div>
    </>
  );
}

/** While Stripe.js (and the form's chunk) are on their way. */
export function Loading({ words, cancel }: { words: ShellWords; cancel: () => void }) {
  return (
    <>
      <p className="stripe-loading" role="status">
        {words.loading}
      </p>
      <div className="actions stripe-actions">
        <button type="button" className="button-link" onClick={cancel}>
          {words.cancel}
        </button>
      </div>
    </>
  );
}
