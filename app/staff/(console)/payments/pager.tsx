import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/** Previous / next without totals: FarPay gives none, so "next" shows when its page was full. */
export async function Pager({ page, hasNext, hrefOf }: { page: number; hasNext: boolean; hrefOf: (page: number) => string }) {
  const t = await getTranslations('farpay.paging');
  if (page === 0 && !hasNext) return null;
  return (
    <nav aria-label={t('label')} className="pay-pager">
      {page > 0 ? (
        <Link href={hrefOf(page - 1)} rel="prev">
          {t('previous')}
        </Link>
      ) : null}
      <span aria-current="page">{t('page', { page: String(page + 1) })}</span>
      {hasNext ? (
        <Link href={hrefOf(page + 1)} rel="next">
          {t('next')}
        </Link>
      ) : null}
    </nav>
  );
}
