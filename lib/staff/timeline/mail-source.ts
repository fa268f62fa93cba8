import { listAccountMail, type AccountMail } from '@/lib/mail/outbox';
import type { TimelineEntry, TimelineSource } from './types';

/**
 * What the customer was sent: each email (approval needed, card expiring), to whom and when,
 * whether it went out, and whether the customer opened its link.
 */
function mailEntry(m: AccountMail): TimelineEntry {
  const values = { recipient: m.recipient, subject: m.subject, queuedAt: m.queuedAt };
  const base = { key: `mail:${m.id}`, at: m.queuedAt, values };
  if (m.status === 'failed') return { ...base, kind: 'mailFailed', tone: 'bad', detail: m.lastError };
  if (m.status !== 'sent') return { ...base, kind: 'mailQueued', tone: 'warn', detail: m.lastError };
  if (m.openedAt) return { ...base, kind: 'mailOpened', tone: 'ok', values: { ...values, openedAt: m.openedAt } };
  return { ...base, kind: 'mailSent', tone: 'info', values: { ...values, sentAt: m.sentAt ?? m.queuedAt } };
}

/** The account's customer emails (mail_outbox). */
export const mailSource: TimelineSource = {
  name: 'mail',
  load: async ({ db }, account, limit) => (await listAccountMail(db, account.code, limit)).map(mailEntry),
};
