import { getTranslations } from 'next-intl/server';
import { MAX_SEARCH_LENGTH } from '@/lib/staff/search/query-shape';

/** The console's one search box, on every staff page (a GET form: the results page reads ?q=). */
export async function SearchBox({ query = '' }: { query?: string }) {
  const t = await getTranslations('staffSearch');
  return (
    <form role="search" aria-label={t('landmark')} action="/staff/search" method="get" className="staff-search" data-testid="staff-search">
      <label htmlFor="staff-search-q" className="visually-hidden">
        {t('boxLabel')}
      </label>
      <input
        id="staff-search-q"
        className="staff-input"
        type="search"
        name="q"
        defaultValue={query}
        maxLength={MAX_SEARCH_LENGTH}
        autoComplete="off"
        spellCheck={false}
        placeholder={t('boxLabel')}
      />
      <button type="submit" className="button">
        {t('button')}
      </button>
    </form>
  );
}
