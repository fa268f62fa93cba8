import { getTranslations } from 'next-intl/server';
import { parseAuditQuery } from '@/lib/staff/audit/filters';
import { listAuditRows } from '@/lib/staff/audit/query';
import { staffPage } from '@/lib/server/staff';
import { refusalNotice } from '@/lib/server/staff-refusal';
import { AuditFilterForm } from './filter-form';
import { AuditPaging } from './paging';
import { AuditTable } from './audit-table';
import './audit.css';
import { titled } from '@/app/page-title';

export const dynamic = 'force-dynamic';
export const generateMetadata = titled('audit');

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The audit log (admins): newest first, filtered by what the URL says, paged, with a CSV export of the same rows. */
export default async function AuditLogPage({ searchParams }: Props) {
  const t = await getTranslations('auditLog');
  const query = parseAuditQuery(await searchParams);
  return staffPage('admin', refusalNotice(t('forbidden')), async ({ ctx }) => {
    const listing = await listAuditRows(ctx.db, query.filters, query.page);
    return (
      <section className="panel audit-log">
        <h1>{t('title')}</h1>
        <p>{t('lead')}</p>
        {query.invalid.length > 0 && (
          <p role="alert" className="staff-error">
            {t('invalid', { fields: query.invalid.map((key) => t(key === 'page' ? 'paging' : key)).join(', ') })}
          </p>
        )}
        <AuditFilterForm filters={query.filters} />
        <AuditTable rows={listing.rows} />
        <AuditPaging filters={query.filters} listing={listing} />
      </section>
    );
  });
}
