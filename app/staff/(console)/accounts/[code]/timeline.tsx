import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { sendFormHref } from '@/lib/staff/accounts/send-rules';
import { isAuditAction } from '@/lib/staff/audit/actions';
import type { TimelineEntry } from '@/lib/staff/timeline/types';
import { retryRegistrationAction } from '../actions';
import { ActionForm } from '../action-form';
import styles from '../staff-accounts.module.css';

/** Entries after which the customer should add a card again: a declined payment, a card Fenerum refused. */
const ASK_FOR_NEW_CARD = new Set(['webhookPaymentDeclined', 'cardFailedCard']);

/**
 * The account's activity, newest first; operators may send a waiting or failed card to Fenerum
 * again, and support may ask the customer for a new card after a decline.
 */
export async function Timeline({ code, entries, canRetry, canSend }: { code: string; entries: TimelineEntry[]; canRetry: boolean; canSend: boolean }) {
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
              {canSend && ASK_FOR_NEW_CARD.has(e.kind) && (
                <Link href={sendFormHref(code, 'new-card')} className={styles.entryAction}>
                  {t('send.askNewCard')}
                </Link>
              )}
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
