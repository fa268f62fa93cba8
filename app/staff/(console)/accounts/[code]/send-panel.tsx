import { randomUUID } from 'node:crypto';
import { getTranslations } from 'next-intl/server';
import type { PaymentCard } from '@/lib/domain/cards';
import { cardLine } from '@/app/card-line';
import type { AccountRecipient } from '@/lib/staff/accounts/account-recipients';
import { RESEND_WINDOW_MINUTES, STAFF_SEND_KINDS, type SendKind } from '@/lib/staff/accounts/send-rules';
import styles from '../staff-accounts.module.css';
import { SendForm } from './send-form';

type Props = { code: string; recipients: AccountRecipient[]; preselected: SendKind; card: PaymentCard | null };

/**
 * Support: send the customer a link by email (`#send`; `?send=<kind>` preselects what, `&card=`
 * names the card to add again), to one of the account's recipients in Fenerum, in the account's
 * language. The links can still be made and copied in the panels below.
 */
export async function SendPanel({ code, recipients, preselected, card }: Props) {
  const [t, tr] = await Promise.all([getTranslations('staffAccounts.send'), getTranslations()]);
  const kinds = STAFF_SEND_KINDS.map((value) => ({ value, label: t(`kinds.${value}`), hint: t(`hints.${value}`) }));
  const mailed = recipients.find((r) => r.getsPortalMail) ?? recipients[0];
  return (
    <section className="panel" id="send" aria-labelledby="send-title">
      <h2 id="send-title">{t('title')}</h2>
      <p className={styles.muted}>{t('explain', { minutes: String(RESEND_WINDOW_MINUTES) })}</p>
      {recipients.length === 0 ? (
        <p className={styles.notice} role="status">
          {t('noRecipient')}
        </p>
      ) : (
        <SendForm
          accountCode={code}
          sendId={randomUUID()}
          kinds={kinds}
          preselected={preselected}
          recipients={recipients.map((r) => ({ email: r.email, label: r.name ? t('recipient', { name: r.name, email: r.email }) : r.email }))}
          defaultRecipient={mailed?.email ?? ''}
          card={card && { uuid: card.uuid, label: t('aboutCard', { card: cardLine(tr, card) }) }}
          words={{ legend: t('what'), to: t('to'), send: t('submit'), sendAgain: t('submitAgain'), working: t('working') }}
        />
      )}
    </section>
  );
}
