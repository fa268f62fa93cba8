import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { isSepaMandate, type CardSummary } from '@/lib/domain/cards';
import { formatExpiry, hasExpiry } from '@/lib/i18n/expiry';

/**
 * The outcome of adding a card, the same for every provider. Shown only once Fenerum holds the
 * card, and the portal lists such a card at once (lib/cards/just-registered.ts), so "saved"
 * never points at a list without it.
 */
export async function CardSaved({ card }: { card: CardSummary | null }) {
  const t = await getTranslations();
  // "Card saved: Visa •••• 4242, expires 12/34"; a SEPA mandate as itself; "Card saved" when no details came back.
  const title = !card
    ? t('stripe.savedPlain')
    : isSepaMandate(card)
      ? t('card.sepaSaved', { last4: card.last4 })
      : hasExpiry(card)
        ? t('card.saved', { brand: card.brand, last4: card.last4, date: formatExpiry(card.expMonth, card.expYear) })
        : t('stripe.savedNoExpiry', { brand: card.brand, last4: card.last4 });
  return (
    <section className="panel" role="status" data-testid="card-saved">
      <h1>{title}</h1>
      <Link className="button" href="/pay">
        {t('portal.back')}
      </Link>
    </section>
  );
}

export async function Finishing() {
  const t = await getTranslations();
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

export async function CardProblem({ title, lead, retryHref }: { title: string; lead: string; retryHref?: string }) {
  const t = await getTranslations();
  return (
    <section className="panel" role="alert" data-testid="card-problem">
      <h1>{title}</h1>
      <p>{lead}</p>
      <div className="actions">
        {retryHref && (
          <a className="button" href={retryHref}>
            {t('card.tryAgain')}
          </a>
        )}
        <Link href="/pay">{t('portal.back')}</Link>
      </div>
    </section>
  );
}
