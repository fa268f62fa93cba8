import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { loadPortal } from '@/lib/cards/portal';
import { pendingCards } from '@/lib/registrations/store';
import { customerPage } from '@/lib/server/customer-page';
import { AddCard } from './add-card';
import { CardList } from './card-list';
import { PaymentNotices } from './payment-notices';
import { SessionEnded } from './session-ended';

export const metadata: Metadata = { title: 'Payment cards', referrer: 'no-referrer' };

/** The customer portal: the session's account, never one named by the browser. */
export default async function PortalPage() {
  const [t, { ctx, session }] = await Promise.all([getTranslations('portal'), customerPage()]);
  if (!session) return <SessionEnded />;
  const [portal, pending] = await Promise.all([loadPortal(ctx, session.accountCode, session.accountUuid), pendingCards(ctx.db, session.accountCode)]);
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
      <PaymentNotices ctx={ctx} accountCode={session.accountCode} />
      <h1>{t('cards')}</h1>
      <CardList cards={portal.cards} pending={pending} now={new Date()} />
      <AddCard />
    </section>
  );
}
