import type { Metadata } from 'next';
import { getCustomerSession } from '@/lib/auth/server';
import { loadPortal } from '@/lib/cards/portal';
import { getDb } from '@/lib/db';
import { getTranslator } from '@/lib/i18n/server';
import { pendingCards } from '@/lib/registrations/pending';
import { AddCard } from './add-card';
import { CardList } from './card-list';

export const metadata: Metadata = { title: 'Payment cards', referrer: 'no-referrer' };

/** The customer portal: the session's account, never one named by the browser. */
export default async function PortalPage() {
  const [{ t }, session] = await Promise.all([getTranslator(), getCustomerSession()]);
  if (!session) {
    return (
      <section className="panel">
        <h1>{t('portal.sessionEnded')}</h1>
        <p>{t('portal.sessionEndedLead')}</p>
      </section>
    );
  }
  const [portal, pending] = await Promise.all([loadPortal(session.accountCode, session.accountUuid), getDb().then((db) => pendingCards(db, session.accountCode))]);
  if (!portal.ok) {
    return (
      <section className="panel" role="alert">
        <h1>{t('portal.cards')}</h1>
        <p>{t('portal.unavailable')}</p>
      </section>
    );
  }
  return (
    <section className="panel">
      <p className="account-name" data-testid="account-name">
        {portal.account.name}
      </p>
      <h1>{t('portal.cards')}</h1>
      <CardList cards={portal.cards} pending={pending} t={t} now={new Date()} />
      <AddCard t={t} />
    </section>
  );
}
