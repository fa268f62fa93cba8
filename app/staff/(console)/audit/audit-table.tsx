import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { isAuditAction } from '@/lib/staff/audit/actions';
import { auditQueryString } from '@/lib/staff/audit/filters';
import type { AuditRow } from '@/lib/staff/audit/query';

/**
 * The entries: a table on a desktop, one card per entry on a phone (audit.css). "What" is a
 * sentence for a person, with the raw action name beside it for whoever searches or exports.
 */
export async function AuditTable({ rows }: { rows: AuditRow[] }) {
  const t = await getTranslations('auditLog');
  const format = await getFormatter();
  if (rows.length === 0) return <p className="audit-empty">{t('empty')}</p>;
  const sentence = (action: string) => (isAuditAction(action) ? t(`actions.${action}`) : t('actions.unknown'));
  const label = (name: 'when' | 'who' | 'what' | 'account' | 'subject' | 'address') => t(`columns.${name}`);
  return (
    <table className="audit-table">
      <caption>{t('caption')}</caption>
      <thead>
        <tr>
          {(['when', 'who', 'what', 'account', 'subject', 'address'] as const).map((name) => (
            <th key={name} scope="col">
              {label(name)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.seq} data-seq={row.seq}>
            <td data-label={label('when')}>
              <time dateTime={row.at.toISOString()}>{format.dateTime(row.at, 'whenExact')}</time>
            </td>
            <td data-label={label('who')} className="audit-break audit-who">
              {row.actor}
            </td>
            <td data-label={label('what')}>
              {sentence(row.action)} <code className="audit-action">{row.action}</code>
              {Object.keys(row.details).length > 0 && (
                <details>
                  <summary>{t('details')}</summary>
                  <pre className="audit-details" translate="no">
                    {JSON.stringify(row.details, null, 2)}
                  </pre>
                </details>
              )}
            </td>
            <td data-label={label('account')}>
              {row.accountCode ? (
                <Link href={`/staff/audit${auditQueryString({ account: row.accountCode })}`} title={t('filterAccount', { account: row.accountCode })}>
                  {row.accountCode}
                </Link>
              ) : (
                '–'
              )}
            </td>
            <td data-label={label('subject')} className="audit-break" translate="no">
              {row.subject ?? '–'}
            </td>
            <td data-label={label('address')}>{row.ip ?? t('noAddress')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
