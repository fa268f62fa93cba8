import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { auditQueryString, type AuditFilters } from '@/lib/staff/audit/filters';

/** The filters as a plain GET form: the URL holds them, so a filtered view can be bookmarked or sent on. */
export async function AuditFilterForm({ filters }: { filters: AuditFilters }) {
  const t = await getTranslations('auditLog');
  const field = (name: keyof AuditFilters, type: 'text' | 'date', hint?: string) => (
    <label className="staff-field">
      {t(name)}
      <input type={type} name={name} defaultValue={filters[name] ?? ''} aria-describedby={hint ? `audit-${name}-hint` : undefined} />
      {hint && (
        <small id={`audit-${name}-hint`} className="audit-hint">
          {hint}
        </small>
      )}
    </label>
  );
  return (
    <form method="get" action="/staff/audit" className="audit-filters" aria-label={t('filters')}>
      {field('account', 'text')}
      {field('actor', 'text', t('actorHint'))}
      {field('action', 'text', t('actionHint'))}
      {field('from', 'date')}
      {field('to', 'date')}
      <div className="audit-filter-buttons">
        <button type="submit" className="button">
          {t('apply')}
        </button>
        <Link href="/staff/audit" className="button button-secondary">
          {t('clear')}
        </Link>
        <a href={`/staff/audit/export${auditQueryString(filters)}`} className="button button-secondary" download>
          {t('export')}
        </a>
      </div>
    </form>
  );
}
