import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { currencyOf } from '@/lib/domain/payments';
import { formatDate, formatMinor } from '@/lib/staff/payments/format';
import type { SearchGroup, SearchHit } from '@/lib/staff/search/hits';
import styles from '../accounts/staff-accounts.module.css';

/** The search's answer, one heading per kind that found something (or whose provider did not answer). */
export async function SearchGroups({ query, groups }: { query: string; groups: SearchGroup[] }) {
  const t = await getTranslations('staffSearch');
  const shown = groups.filter((g) => 'unavailable' in g || g.hits.length > 0);
  if (shown.length === 0) return <p className={`${styles.muted} ${styles.answer}`}>{t('none', { query })}</p>;
  return (
    <div data-testid="search-results">
      {shown.map((g) => (
        <section key={g.kind} aria-labelledby={`found-${g.kind}`} data-testid={`found-${g.kind}`}>
          <h2 id={`found-${g.kind}`}>{t(`groups.${g.kind}`)}</h2>
          {'unavailable' in g ? (
            <p className="staff-error" role="alert">
              {t(`unavailable.${g.kind}`)}
            </p>
          ) : (
            <>
              <ul className={styles.list}>
                {g.hits.map((hit) => (
                  <li key={hit.href} className={styles.row}>
                    <HitLine hit={hit} />
                  </li>
                ))}
              </ul>
              {g.truncated && <p className={styles.muted}>{t('truncated', { count: g.hits.length })}</p>}
            </>
          )}
        </section>
      ))}
    </div>
  );
}

async function HitLine({ hit }: { hit: SearchHit }) {
  const [t, locale] = await Promise.all([getTranslations('staffSearch'), getLocale()]);
  const line = (title: string, detail: string) => (
    <span className={styles.rowMain}>
      <Link href={hit.href} className={styles.strong}>
        {title}
      </Link>
      <span className={styles.code}>{detail}</span>
    </span>
  );
  switch (hit.kind) {
    case 'account':
      return line(hit.name, `${hit.code} · ${hit.emails.length > 0 ? hit.emails.join(', ') : t('noEmail')}`);
    case 'card':
      return line(
        t('cardOn', { brand: hit.brand, last4: hit.last4, name: hit.accountName, code: hit.accountCode }),
        `${hit.active ? t('active') : t('disabled')} · ${hit.uuid}`,
      );
    case 'payment': {
      const p = hit.payment;
      return line(
        t('payment', { id: String(p.id) }),
        [formatDate(p.date, p.dateOnly, locale), p.type, p.status, formatMinor(p.paidMinor, locale, currencyOf(p))].join(' · '),
      );
    }
    case 'invoice':
      return line(
        t('invoice', { id: String(hit.invoiceId) }),
        hit.more ? t('invoiceMany', { count: hit.payments }) : t('invoicePayments', { count: hit.payments }),
      );
    case 'payment-intent':
      return line(t('intentOn', { id: hit.id, code: hit.accountCode }), hit.id);
  }
}
