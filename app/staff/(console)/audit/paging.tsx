import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { auditQueryString, type AuditFilters } from '@/lib/staff/audit/filters';
import type { AuditListing } from '@/lib/staff/audit/query';

/** Newest / newer / older, keeping the filters; a direction with nothing in it is not offered. */
export async function AuditPaging({ filters, listing }: { filters: AuditFilters; listing: AuditListing }) {
  const t = await getTranslations('auditLog');
  const { newerThan, olderThan } = listing;
  if (newerThan === null && olderThan === null) return null;
  return (
    <nav aria-label={t('paging')} className="audit-paging">
      {newerThan !== null && (
        <>
          <Link href={`/staff/audit${auditQueryString(filters)}`}>{t('newest')}</Link>
          <Link href={`/staff/audit${auditQueryString(filters, { after: newerThan })}`} rel="prev">
            {t('newer')}
          </Link>
        </>
      )}
      {olderThan !== null && (
        <Link href={`/staff/audit${auditQueryString(filters, { before: olderThan })}`} rel="next">
          {t('older')}
        </Link>
      )}
    </nav>
  );
}
