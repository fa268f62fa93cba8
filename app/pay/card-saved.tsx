import Link from 'next/link';
import type { CardSummary } from '@/lib/domain/cards';
import { formatExpiry, type Translate } from '@/lib/i18n/translate';

/** The outcome of adding a card, the same for every provider. */
export function CardSaved({ card, t }: { card: CardSummary; t: Translate }) {
  return (
    <section className="panel" role="status" data-testid="card-saved">
      <h1>{t('card.saved', { brand: card.brand, last4: card.last4, date: formatExpiry(card.expMonth, card.expYear) })}</h1>
      <Link className="button" href="/pay">
        {t('portal.back')}
      </Link>
    </section>
  );
}

export function Finishing({ t }: { t: Translate }) {
  return (
    <section className="panel" role="status" aria-live="polite" data-testid="card-finishing">
      {/* The page asks again every few seconds until the card is saved. */}
      <meta httpEquiv="refresh" content="3" />
      <h1>{t('card.finishing')}</h1>
      <p>{t('card.finishingLead')}</p>
      <Link href="/pay">{t('portal.back')}</Link>
    </section>
  );
}

export function CardProblem({ title, lead, t, retryHref }: { title: string; lead: string; t: Translate; retryHref?: string }) {
  return (
    <section className="panel" role="alert" data-testid="card-problem">
      <h1>{title}</h1>
      <p>{lead}</p>
      <div className="actions">
        {retryHref && (
          <a className="button" href={retryHref}>
            {t('portal.tryAgain')}
          </a>
        )}
        <Link href="/pay">{t('portal.back')}</Link>
      </div>
    </section>
  );
}
