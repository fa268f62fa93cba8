import { brandName } from '@/lib/cards/brand';
import { listStaffSends, type StaffSend } from '@/lib/mail/staff-sends';
import type { StaffSendKind } from '@/lib/db/schema';
import type { TimelineEntry, TimelineSource } from './types';

/** The `what` of the timeline's sentences (an ICU select). */
const WHAT: Record<StaffSendKind, string> = { 'customer-link': 'link', 'new-card': 'newCard', 'self-service': 'selfService' };

/**
 * What staff sent the customer by email from the account page, told in up to three steps: sent
 * (who, to whom, what; and whether the mail server took it), opened (the customer opened the
 * link), card added (a card registered through the session that link started). A Self-Service
 * link leads to Fenerum's own pages, so only its sending is seen here.
 */
export function sendEntries(s: StaffSend): TimelineEntry[] {
  const values = { actor: s.sentBy, recipient: s.recipient, what: WHAT[s.kind] };
  const sentKind = s.status === 'failed' ? 'staffSendFailed' : s.status === 'sent' ? 'staffSent' : 'staffSendQueued';
  const tone = s.status === 'failed' ? 'bad' : s.status === 'sent' ? 'info' : 'warn';
  const entries: TimelineEntry[] = [{ key: `send:${s.id}`, at: s.queuedAt, kind: sentKind, tone, values, detail: s.status === 'sent' ? null : s.lastError }];
  if (s.openedAt)
    entries.push({ key: `send:${s.id}:opened`, at: s.openedAt, kind: 'staffSendOpened', tone: 'info', values: { ...values, sentAt: s.queuedAt } });
  if (s.card) {
    const card = { brand: brandName(s.card.brand), last4: s.card.last4 ?? '····' };
    entries.push({ key: `send:${s.id}:card`, at: s.card.at, kind: 'staffSendCardAdded', tone: 'ok', values: { ...values, ...card, sentAt: s.queuedAt } });
  }
  return entries;
}

/** The account's staff sends (mail_outbox rows with a sender), each with what became of it. */
export const sendSource: TimelineSource = {
  name: 'staff-sends',
  load: async ({ db }, account, limit) => (await listStaffSends(db, account.code, limit)).flatMap(sendEntries),
};
