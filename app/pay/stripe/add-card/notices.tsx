'use client';

import { useEffect, useRef } from 'react';
import { cardLine, say, savedLine, type StripeText } from './text';
import type { Notice } from './use-finishing';

/**
 * What came of the last card: saved, being finished, or refused. It takes focus when the form
 * closes onto it (`focusKey` changes), so the outcome is read out and focus is not lost.
 */
export function Notices({ notice, text, focusKey }: { notice: Notice | null; text: StripeText; focusKey: number }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusKey > 0) box.current?.focus();
  }, [focusKey]);
  if (!notice) return null;
  const tone = notice.kind === 'saved' ? 'ok' : notice.kind === 'failed' ? 'bad' : 'pending';
  return (
    <div ref={box} tabIndex={-1} className={`stripe-notice stripe-notice-${tone}`} role={notice.kind === 'failed' ? 'alert' : 'status'} data-testid="stripe-notice">
      {notice.kind === 'saved' && <p>{savedLine(text, notice.card)}</p>}
      {notice.kind === 'finishing' && (
        <>
          <p>
            <strong>{say(text, 'card.finishing')}</strong> {notice.card && cardLine(text, notice.card)}
          </p>
          <p>{say(text, notice.slow ? 'stripe.finishingSlow' : 'card.finishingLead')}</p>
        </>
      )}
      {notice.kind === 'failed' && (
        <p>
          <strong>{say(text, 'card.failed')}.</strong> {say(text, 'card.failedLead')}
        </p>
      )}
    </div>
  );
}
