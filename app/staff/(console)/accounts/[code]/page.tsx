import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { roleAllows } from '@/lib/auth/staff-roles';
import { isRefused } from '@/lib/domain/outcomes';
import { staffPage } from '@/lib/server/staff';
import { loadRecipients } from '@/lib/staff/accounts/account-recipients';
import { listOpenLinks } from '@/lib/staff/accounts/customer-links';
import { loadAccount } from '@/lib/staff/accounts/load-account';
import { preselectedKind } from '@/lib/staff/accounts/send-rules';
import { loadTimeline } from '@/lib/staff/timeline/load-timeline';
import { readFenerum } from '../fenerum-read';
import { FenerumUnavailable } from '../fenerum-unavailable';
import { showRefusalPanel } from '../refusal-panel';
import { routeParam } from '../route-param';
import styles from '../staff-accounts.module.css';
import { AccountCards } from './account-cards';
import { AccountRecipients } from './account-recipients';
import { LinksPanel } from './links-panel';
import { SelfServicePanel } from './self-service-panel';
import { SendPanel } from './send-panel';
import { Timeline } from './timeline';
import { titled } from '@/app/page-title';

export const generateMetadata = titled('account');

type Props = {
  params: Promise<{ code: string }>;
  searchParams: Promise<{ send?: string | string[]; card?: string | string[]; cards?: string | string[] }>;
};

/**
 * One account: its cards and recipients (Fenerum), sending links by email, links and
 * self-service to copy (support), its activity (the timeline). `?send=<kind>&card=<uuid>#send`
 * opens the send form preselected; `?cards=N` pages the cards.
 */
export default async function AccountPage({ params, searchParams }: Props) {
  const code = routeParam((await params).code);
  const query = await searchParams;
  return staffPage('viewer', showRefusalPanel, async ({ user, ctx }) => {
    const read = await readFenerum(async () => {
      const view = await loadAccount(ctx, code);
      return isRefused(view) ? view : { ...view, recipients: await loadRecipients(ctx, view.account) };
    });
    if (!read.ok) return <FenerumUnavailable busySeconds={read.busySeconds} />;
    if (isRefused(read.value)) return read.value;
    const { account, cards, recipients } = read.value;
    const support = roleAllows(user.role, 'support');
    const sendCard = cards.find((c) => c.uuid === query.card) ?? null;
    const [t, links, entries] = await Promise.all([
      getTranslations('staffAccounts'),
      support ? listOpenLinks(ctx.db, account.code) : Promise.resolve([]),
      loadTimeline(ctx, { code: account.code }),
    ]);
    return (
      <>
        <section className="panel">
          <p className={styles.muted}>
            <Link href="/staff/accounts">{t('backToSearch')}</Link>
          </p>
          <h1 data-testid="account-title">{account.name}</h1>
          <p className={styles.code}>{account.code}</p>
          <h2>{t('cardsTitle')}</h2>
          <AccountCards code={account.code} cards={cards} canSendLinks={support} cardsPage={query.cards} />
          <AccountRecipients recipients={recipients} />
        </section>
        {support && <SendPanel code={account.code} recipients={recipients} preselected={preselectedKind(query.send)} card={sendCard} />}
        {support && <LinksPanel code={account.code} links={links} />}
        {support && <SelfServicePanel code={account.code} recipients={recipients} />}
        <Timeline code={account.code} entries={entries} canRetry={roleAllows(user.role, 'operator')} canSend={support} />
      </>
    );
  });
}
