import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ListPage } from '@/lib/domain/paging';

/**
 * Previous / next through a list held whole (an account's cards), with where the reader is:
 * "Page 2 of 5", "51–100 of 250". Nothing when it all fits on one page; no "next" on the last.
 */
export async function ListPager({ at, what, hrefOf }: { at: Omit<ListPage<unknown>, 'items'>; what: string; hrefOf: (page: number) => string }) {
  const t = await getTranslations('paging');
  if (at.pages <= 1) return null;
  const from = (at.page - 1) * at.size + 1;
  const to = Math.min(at.page * at.size, at.total);
  return (
    <nav aria-label={t('label', { what })} className="list-pager" data-testid="list-pager">
      {at.page > 1 ? (
        <Link href={hrefOf(at.page - 1)} rel="prev">
          {t('previous')}
        </Link>
      ) : null}
      <span aria-current="page">
        {t('position', { page: at.page, pages: at.pages })} <small>({t('showing', { from, to, total: at.total })})</small>
      </span>
      {at.page < at.pages ? (
        <Link href={hrefOf(at.page + 1)} rel="next">
          {t('next')}
        </Link>
      ) : null}
    </nav>
  );
}
