import { getTranslations } from 'next-intl/server';
import { loadPortal } from '@/lib/cards/portal';
import { justAdded, retireOffer } from '@/lib/cards/retire-offer';
import { groupSameCards } from '@/lib/cards/same-card';
import { customerPortalPage } from '@/lib/server/customer-page';
import { AddCard } from './add-card';
import { CardList } from './card-list';
import { PaymentNotices } from './payment-notices';
import { RetirePanel } from './retire-panel';
import { SessionEnded } from './session-ended';
import { titled } from '@/app/page-title';

export const generateMetadata = titled('portal', { referrer: 'no-referrer' });

type Query = { page?: string | string[]; removed?: string | string[]; replaced?: string | string[] };
const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);

/**
 * The customer portal: the session's account, never one named by the browser. `?removed=<uuid>`
 * says a card of the account was just removed; `?replaced=<pm_…>` (from the approval page, after
 * "pay with another card") names the card the bank refused, offered for retiring when it is one
 * of the account's active cards.
 */
export default async function PortalPage({ searchParams }: { searchParams: Promise<Query> }) {
  const now = new Date();
  // One database query for the link's liveness and all the page's rows; Fenerum only for a live session.
  const [t, { ctx, session, view }, query] = await Promise.all([getTranslations(), customerPortalPage(now), searchParams]);
  if (!session) return <SessionEnded />;
  const [portal, added] = await Promise.all([loadPortal(ctx, session.accountCode, session.accountUuid, view.justRegistered), justAdded(ctx.db, session, now)]);
  if (!portal.ok) {
    return (
      <section className="panel" role="alert">
        <h1>{t('portal.cards')}</h1>
        <p>{t('portal.unavailable')}</p>
      </section>
    );
  }
  const offer = await retireOffer(ctx, groupSameCards(portal.cards), added, one(query.replaced));
  const removed = portal.inactive.find((c) => c.uuid === one(query.removed));
  return (
    <section className="panel">
      <p className="account-name" data-testid="account-name">
        {portal.account.name}
      </p>
      <PaymentNotices approvals={view.approvals} expiring={view.expiring} />
      {removed && (
        <p className="stripe-notice stripe-notice-ok" role="status" data-testid="card-removed">
          {t('portal.removed', { card: t('approval.card', { brand: removed.brand, last4: removed.last4 }) })}
        </p>
      )}
      <h1 id="cards">{t('portal.cards')}</h1>
      <CardList cards={portal.cards} pending={view.pending} now={now} page={query.page} />
      {offer && <RetirePanel offer={offer} />}
      <AddCard account={portal.account} />
    </section>
  );
}
