import { getFormatter, getTranslations } from 'next-intl/server';
import { isAuditAction } from '@/lib/staff/audit/actions';
import type { TimelineEntry } from '@/lib/staff/timeline/types';
import { retryRegistrationAction } from '../actions';
import { ActionForm } from '../action-form';
import styles from '../staff-accounts.module.css';

/** The account's activity, newest first; operators may send a waiting or failed card to Fenerum again. */
export async function Timeline({ code, entries, canRetry }: { code: string; entries: TimelineEntry[]; canRetry: boolean }) {
  const [t, actions, format] = await Promise.all([getTranslations('staffAccounts'), getTranslations('auditLog.actions'), getFormatter()]);
  // An audit action with no sentence of its own on the timeline reads as the audit log describes it, never as its code.
  const described = (action: unknown) => (typeof action === 'string' && isAuditAction(action) ? actions(action) : actions('unknown'));
  const sentence = (e: TimelineEntry) => {
    const key = t.has(`timeline.kinds.${e.kind}` as 'timeline.kinds.other') ? e.kind : 'other';
    const values = key === 'other' ? { actor: '', ...e.values, action: described(e.values.action) } : { actor: '', action: '', ...e.values };
    return t(`timeline.kinds.${key}` as 'timeline.kinds.other', values as { actor: string; action: string });
  };
  return (
    <section className="panel" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('timelineTitle')}</h2>
      {entries.length === 0 ? (
        <p className={styles.muted}>{t('timelineEmpty')}</p>
      ) : (
        <ol className={styles.timeline} data-testid="timeline">
          {entries.map((e) => (
            <li key={e.key} className={`${styles.event} ${styles[`event-${e.tone}`] ?? ''}`} data-testid="timeline-entry" data-kind={e.kind}>
              <time dateTime={e.at.toISOString()}>{format.dateTime(e.at, 'when')}</time>
              <span>{sentence(e)}</span>
              {e.detail && <span className={styles.detail}>{t('lastAnswer', { error: e.detail })}</span>}
              {canRetry && e.retry && (
                <ActionForm
                  action={retryRegistrationAction}
                  hidden={{ accountCode: code, registrationId: e.retry.registrationId }}
                  submit={t('retryNow')}
                  working={t('working')}
                  variant="secondary"
                  testId="retry-registration"
                />
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
