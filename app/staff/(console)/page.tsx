import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { loadOverview, type Overview } from '@/lib/staff/overview/overview';
import { staffPage } from '@/lib/server/staff';
import './overview.css';
import { titled } from '@/app/page-title';

export const dynamic = 'force-dynamic';
export const generateMetadata = titled('staffHome');

type Count = { key: Exclude<keyof Overview, 'week'>; href: string };

/** Where each count leads: its list (the count is that list's length). */
const countsOf = (o: Overview): Count[] => [
  { key: 'approvals', href: '/staff/attention/approvals' },
  { key: 'registrations', href: '/staff/attention/registrations' },
  { key: 'failed', href: `/staff/payments/failed?from=${o.week.from}&to=${o.week.to}` },
  { key: 'expiring', href: '/staff/attention/expiring' },
  { key: 'refunds', href: '/staff/attention/refunds' },
  { key: 'mail', href: '/staff/attention/mail' },
];

/** The console's landing: what needs attention, each a count linking to its list. */
export default async function StaffHome() {
  const [t, to] = await Promise.all([getTranslations('staffConsole'), getTranslations('staffConsole.overview')]);
  return staffPage('viewer', async ({ user, ctx }) => {
    const overview = await loadOverview({ db: ctx.db, farpay: ctx.farpay, fenerum: ctx.fenerum, cache: ctx.attentionCache }, new Date());
    return (
      <section>
        <h1>{to('title')}</h1>
        <p>
          {t('welcome', { name: user.name })}. {to('lead')}
        </p>
        <ul className="overview-counts" data-testid="overview">
          {countsOf(overview).map(({ key, href }) => {
            const n = overview[key];
            return (
              <li key={key} className={n ? 'overview-count attention' : 'overview-count'}>
                <Link href={href} data-testid={`count-${key}`}>
                  <span className="overview-number" data-count={n ?? ''}>
                    {n ?? '–'}
                  </span>
                  <span className="overview-label">{to(key)}</span>
                  {n === null ? <span className="overview-note">{to('unavailable')}</span> : null}
                </Link>
              </li>
            );
          })}
        </ul>
      </section>
    );
  });
}
