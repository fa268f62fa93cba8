'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { cardLine, savedLine } from './card-lines';
import type { Notice } from './use-finishing';

/**
 * What came of the last card: saved, being finished, or refused. It takes focus when the form
 * closes onto it (`focusKey` changes), so the outcome is read out and focus is not lost.
 */
export function Notices({ notice, focusKey }: { notice: Notice | null; focusKey: number }) {
  const t = useTranslations();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusKey > 0) box.current?.focus();
  }, [focusKey]);
  if (!notice) return null;
  const tone = notice.kind === 'saved' ? 'ok' : notice.kind === 'failed' ? 'bad' : 'pending';
  return (
    <div
      ref={box}
      tabIndex={-1}
      className={`stripe-notice stripe-notice-${tone}`}
      role={notice.kind === 'failed' ? 'alert' : 'status'}
      data-testid="stripe-notice"
      data-state={notice.kind}
    >
      {notice.kind === 'saved' && <p>{savedLine(t, notice.card)}</p>}
      {notice.kind === 'finishing' && (
        <>
          <p>
            <strong>{t('card.finishing')}</strong> {notice.card && cardLine(t, notice.card)}
          </p>
          <p>{t(notice.slow ? 'stripe.finishingSlow' : 'card.finishingLead')}</p>
        </>
      )}
      {notice.kind === 'failed' && (
        <p>
          <strong>{t('card.failed')}.</strong> {t('card.failedLead')}
        </p>
      )}
    </div>
  );
}
