import { redirect } from 'next/navigation';
import { titled } from '@/app/page-title';
import { getTranslations } from 'next-intl/server';
import { isRefused } from '@/lib/domain/outcomes';
import { staffPage } from '@/lib/server/staff';
import { staffSentences } from '@/lib/server/staff-sentences';
import { MAX_SEARCH_LENGTH } from '@/lib/staff/search/query-shape';
import { searchStaff } from '@/lib/staff/search/search';
import styles from '../accounts/staff-accounts.module.css';
import { SearchGroups } from './search-groups';

export const dynamic = 'force-dynamic';
export const generateMetadata = titled('search');

type Props = { searchParams: Promise<{ q?: string | string[] }> };

/**
 * The console's search (viewer and up): an exact id goes straight to its page; anything else is
 * answered with what was found, grouped by kind. Bad text is said as a sentence, nothing asked.
 */
export default async function SearchPage({ searchParams }: Props) {
  const raw = (await searchParams).q;
  const query = Array.isArray(raw) ? (raw[0] ?? '') : raw;
  return staffPage('viewer', async ({ user, ctx }) => {
    const t = await getTranslations('staffSearch');
    const answer = query === undefined ? null : await searchStaff(ctx, query, user.role);
    if (answer && !isRefused(answer) && answer.kind === 'jump') redirect(answer.href);
    return (
      <section className="panel">
        <h1>{t('title')}</h1>
        <form className={styles.searchForm} role="search" aria-label={t('title')} action="/staff/search" method="get">
          <label className={styles.label}>
            {t('boxLabel')}
            <input
              className="staff-input"
              type="search"
              name="q"
              defaultValue={query ?? ''}
              maxLength={MAX_SEARCH_LENGTH}
              autoComplete="off"
              spellCheck={false}
            />
          </label>
          <button className="button" type="submit">
            {t('button')}
          </button>
        </form>
        {answer === null && <p className={`${styles.muted} ${styles.answer}`}>{t('hint')}</p>}
        {answer && isRefused(answer) && (
          <p className={`staff-error ${styles.answer}`} role="alert" data-testid="search-refused">
            {(await staffSentences()).refusal(answer)}
          </p>
        )}
        {answer && !isRefused(answer) && answer.kind === 'results' && <SearchGroups query={answer.query.text} groups={answer.groups} />}
      </section>
    );
  });
}
