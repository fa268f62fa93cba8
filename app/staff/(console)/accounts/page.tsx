import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { isRefused } from '@/lib/domain/outcomes';
import { listUnattributed } from '@/lib/fenerum-webhooks/unattributed';
import { staffPage } from '@/lib/server/staff';
import { staffSentences } from '@/lib/server/staff-sentences';
import { searchAccounts } from '@/lib/staff/accounts/search-accounts';
import { readFenerum } from './fenerum-read';
import { FenerumUnavailable } from './fenerum-unavailable';
import { showRefusalPanel } from './refusal-panel';
import styles from './staff-accounts.module.css';
import { UnattributedPayments } from './unattributed-payments';
import { titled } from '@/app/page-title';

export const generateMetadata = titled('accounts');

type Props = { searchParams: Promise<{ q?: string | string[] }> };

/** Staff (viewer and up): find an account by code, name or a recipient's email. */
export default async function AccountsPage({ searchParams }: Props) {
  const raw = (await searchParams).q;
  const query = (Array.isArray(raw) ? raw[0] : raw) ?? '';
  return staffPage('viewer', showRefusalPanel, async ({ ctx }) => {
    const t = await getTranslations('staffAccounts');
    const found = query.trim() ? await readFenerum(() => searchAccounts(ctx, query)) : null;
    if (found && !found.ok) return <FenerumUnavailable busySeconds={found.busySeconds} />;
    const answer = found?.value;
    const unattributed = await listUnattributed(ctx.db, 20);
    return (
      <>
        <section className="panel">
          <h1>{t('searchTitle')}</h1>
          <form className={styles.searchForm} role="search" action="/staff/accounts" method="get">
            <label className={styles.label}>
              {t('searchLabel')}
              <input className="staff-input" type="search" name="q" defaultValue={query} maxLength={100} autoComplete="off" />
            </label>
            <button className="button" type="submit">
              {t('searchButton')}
            </button>
          </form>
          {!answer && <p className={styles.muted}>{t('searchHint')}</p>}
          {answer && isRefused(answer) && (
            <p className={`staff-error ${styles.answer}`} role="alert">
              {(await staffSentences()).refusal(answer)}
            </p>
          )}
          {answer && !isRefused(answer) && answer.accounts.length === 0 && <p className={styles.muted}>{t('searchNone', { query: query.trim() })}</p>}
          {answer && !isRefused(answer) && answer.accounts.length > 0 && (
            <ul className={styles.list} data-testid="account-results">
              {answer.accounts.map((a) => (
                <li key={a.uuid} className={styles.row}>
                  <span className={styles.rowMain}>
                    <Link href={`/staff/accounts/${encodeURIComponent(a.code)}`} className={styles.strong} aria-label={t('open', { name: a.name })}>
                      {a.name}
                    </Link>
                    <span className={styles.code}>
                      {a.code} · {a.emails.length > 0 ? a.emails.join(', ') : t('noEmail')}
                    </span>
                  </span>
                </li>
              ))}
            </ul>
          )}
          {answer && !isRefused(answer) && answer.truncated && <p className={styles.muted}>{t('searchTruncated', { count: answer.accounts.length })}</p>}
        </section>
        <UnattributedPayments payments={unattributed} />
      </>
    );
  });
}
