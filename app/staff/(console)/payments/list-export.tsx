import { getTranslations } from 'next-intl/server';

/**
 * The list's CSV: every page of the view with the same filters (the export route reads them as
 * this page does, and audits the export). A plain link: the browser downloads the file.
 */
export async function ListExport({ href }: { href: string }) {
  const t = await getTranslations('farpay');
  return (
    <p className="pay-export">
      <a href={href} className="button button-secondary" download data-testid="export-list">
        {t('exportList')}
      </a>
    </p>
  );
}
