import { getTranslations } from 'next-intl/server';
import { loadPortal } from '@/lib/cards/portal';
import { customerPortalPage } from '@/lib/server/customer-page';
import { AddCard } from './add-card';
import { CardList } from './card-list';
import { PaymentNotices } from './payment-notices';
import { SessionEnded } from './session-ended';
import { titled } from '@/app/page-title';

export const generateMetadata = titled('portal', { referrer: 'no-referrer' });

/** The customer portal: the session's account, never one named by the browser. */
export default async function PortalPage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  const now = new Date();
  // One database query for the link's liveness and all the page's rows; Fenerum only for a live session.
  const [t, { ctx, session, view }] = await Promise.all([getTranslations('portal'), customerPortalPage(now)]);
  if (!session) return <SessionEnded />;
  const portal = await loadPortal(ctx, session.accountCode, session.accountUuid, view.justRegistered);
  if (!portal.ok) {
    return (
      <section className="panel" role="alert">
        <h1>{t('cards')}</h1>
        <p>{t('unavailable')}</p>
      </section>
    );
  }
  return (
    <section className="panel">
      <p className="account-name" data-testid="account-name">
        {portal.account.name}
      </p>
      <PaymentNotices approvals={view.approvals} expiring={view.expiring} />
      <h1 id="cards">{t('cards')}</h1>
      <CardList cards={portal.cards} pending={view.pending} now={now} page={(await searchParams).page} />
      <AddCard account={portal.account} />
    </section>
  );
}
