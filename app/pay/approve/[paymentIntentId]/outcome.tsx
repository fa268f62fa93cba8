'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';

export type Settled = 'processing' | 'succeeded' | 'canceled';

/**
 * A payment that no longer waits for the customer: approved, being processed, or canceled.
 * `focus`: it just happened on this page, so the heading takes focus and is read out.
 */
export function Outcome({
  state,
  amount,
  newCard,
  focus,
  retireHref,
}: {
  state: Settled;
  amount: string;
  newCard: string | null;
  focus: boolean;
  /** After "pay with another card": the portal, offering to retire the card the bank refused. */
  retireHref?: string | null;
}) {
  const t = useTranslations('approval');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, [focus]);
  const tone = state === 'succeeded' ? 'ok' : state === 'processing' ? 'pending' : 'bad';
  return (
    <div className={`approval-outcome approval-outcome-${tone}`} data-testid="approval-outcome" data-state={state}>
      <h1 ref={heading} tabIndex={-1}>
        {t(state)}
      </h1>
      <p>{t(`${state}Lead`, { amount })}</p>
      {state === 'succeeded' && newCard && <p>{t('newCardSaved', { card: newCard })}</p>}
      {state === 'succeeded' && newCard && retireHref && (
        <p>
          <Link className="button" href={retireHref} data-testid="approval-manage-cards">
            {t('manageCards')}
          </Link>
        </p>
      )}
      {state === 'processing' ? (
        <a className="button" href="">
          {t('refresh')}
        </a>
      ) : (
        <Link className="button button-secondary" href="/pay">
          {t('back')}
        </Link>
      )}
    </div>
  );
}
