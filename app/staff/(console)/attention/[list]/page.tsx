import { titled } from '@/app/page-title';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import type { AttentionList } from '@/lib/staff/overview/lists';
import { ListPager } from '@/app/list-pager';
import { readAttentionList } from '@/lib/staff/overview/overview';
import { formatDate, formatMinor } from '@/lib/staff/payments/format';
import { staffPage } from '@/lib/server/staff';
import { readFenerum } from '../../accounts/fenerum-read';
import { FenerumUnavailable } from '../../accounts/fenerum-unavailable';

export const dynamic = 'force-dynamic';
export const generateMetadata = titled('attention');

const LISTS: readonly AttentionList[] = ['approvals', 'registrations', 'expiring', 'refunds', 'mail'];
const isList = (s: string): s is AttentionList => (LISTS as readonly string[]).includes(s);

/** One of the overview's lists (its count is this list's length), oldest first. */
export default async function AttentionListPage({
  params,
  searchParams,
}: {
  params: Promise<{ list: string }>;
  searchParams: Promise<{ page?: string | string[] }>;
}) {
  const [{ list }, { page }] = await Promise.all([params, searchParams]);
  const [t, to, locale] = await Promise.all([getTranslations('attention'), getTranslations('staffConsole.overview'), getLocale()]);
  return staffPage('viewer', async ({ ctx }) => {
    // Checked after the session: an anonymous caller is sent to sign in whatever the path names.
    if (!isList(list)) notFound();
    const deps = { db: ctx.db, farpay: ctx.farpay, fenerum: ctx.fenerum, cache: ctx.attentionCache, staffCache: ctx.staffCache };
    const read = await readFenerum(() => readAttentionList(deps, list, new Date(), page));
    // Only the expiring cards come from Fenerum; its busy or down is said as the accounts pages say it.
    if (!read.ok) return <FenerumUnavailable busySeconds={null} />;
    const { items: rows, ...at } = read.value;
    const title = to(list);
    return (
      <section>
        <p>
          <Link href="/staff">{t('back')}</Link>
        </p>
        <h1>{title}</h1>
        <p>{t(`leads.${list}`)}</p>
        {rows.length === 0 ? (
          <p className="empty" data-testid="attention-empty">
            {t('empty')}
          </p>
        ) : (
          <div className="pay-table-wrap" tabIndex={0} role="region" aria-label={t('caption', { what: title })}>
            <table className="staff-table" data-testid="attention-table">
              <caption className="visually-hidden">{t('caption', { what: title })}</caption>
              <thead>
                <tr>
                  <th scope="col">{list === 'expiring' ? t('expires') : t('when')}</th>
                  <th scope="col">{t('account')}</th>
                  <th scope="col">{t('what')}</th>
                  {list === 'approvals' || list === 'refunds' ? <th scope="col">{t('amount')}</th> : null}
                  {list === 'expiring' ? null : <th scope="col">{t('detail')}</th>}
                </tr>
              </thead>
              <tbody>
                {rows.map((r, i) => (
                  <tr key={`${r.subject}-${i}`} data-testid="attention-row">
                    <td>{list === 'expiring' ? r.detail : r.at ? formatDate(r.at.toISOString(), false, locale) : ''}</td>
                    <td>
                      {r.accountCode ? (
                        <Link href={`/staff/accounts/${encodeURIComponent(r.accountCode)}`}>{r.accountCode}</Link>
                      ) : list === 'refunds' ? (
                        ''
                      ) : (
                        t('noAccount')
                      )}
                    </td>
                    <td>{r.farpayId !== null ? <Link href={`/staff/payments/${r.farpayId}`}>{r.subject}</Link> : r.subject}</td>
                    {list === 'approvals' || list === 'refunds' ? (
                      <td>{r.amountMinor === null ? '' : formatMinor(r.amountMinor, locale, r.currency ?? 'DKK')}</td>
                    ) : null}
                    {list === 'expiring' ? null : <td>{r.detail ?? ''}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <ListPager at={at} what={title} hrefOf={(n) => `/staff/attention/${list}?page=${n}`} />
      </section>
    );
  });
}
