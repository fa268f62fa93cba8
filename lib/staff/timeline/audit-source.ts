import { and, desc, eq, notInArray } from 'drizzle-orm';
import { auditLog } from '@/lib/db/schema';
import type { TimelineEntry, TimelineSource, TimelineTone } from './types';

/** What a timeline entry reads of an audit row (not the chain's columns). */
type AuditRow = Pick<typeof auditLog.$inferSelect, 'id' | 'at' | 'actor' | 'action' | 'accountCode' | 'subject' | 'details' | 'ip'>;
type Shown = { kind: string; tone: TimelineTone; values?: (d: Record<string, unknown>) => TimelineEntry['values'] };

/** Registration actions: the registrations source tells them, once per card and with its state now. */
const ACTIONS_TOLD_ELSEWHERE = [
  'card.add_started',
  'card.add_expired',
  'card.registered',
  'card.registration_failed',
  // A disable's first half (disable-intents.ts): its card.disabled (or card.disable_not_done) tells it.
  'card.disable_requested',
  // Approvals and Fenerum's webhooks: their own sources (approval-source.ts, webhook-source.ts) tell them; mail: mail-source.ts.
  'approval.requested',
  'approval.succeeded',
  'approval.processing',
  'approval.canceled',
  'payment.declined',
  'card_expires_this_month',
  'payment_card.activated',
  'payment_card.deactivated',
  'mail.queued',
  'mail.sent',
  'mail.opened',
  // Staff sends from the account page: send-source.ts tells each (sent, opened, card added).
  'mail.staff_sent',
];

const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const date = (v: unknown) => (typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? new Date(v) : new Date(0));

/** How each audited action reads on the timeline; an action not listed gets the generic sentence. */
const ACTIONS: Record<string, Shown | ((d: Record<string, unknown>) => Shown)> = {
  'link.issued': { kind: 'linkIssued', tone: 'info', values: (d) => ({ expiresAt: date(d.expiresAt) }) },
  'link.revoked': { kind: 'linkRevoked', tone: 'info' },
  'link.opened': { kind: 'linkOpened', tone: 'info' },
  // lib/mail/requested-link.ts: the customer asked for a new link by email (the address masked when it matched no recipient).
  'link.requested': (d) =>
    d.matched === true
      ? { kind: 'linkRequested', tone: 'info', values: () => ({ recipient: text(d.to) }) }
      : { kind: 'linkRequestUnmatched', tone: 'warn', values: () => ({ address: text(d.address) }) },
  'self_service.link_created': { kind: 'selfServiceLink', tone: 'info', values: (d) => ({ email: text(d.email) }) },
  'card.registration_retried': { kind: 'registrationRetried', tone: 'info' },
  // lib/staff/payments/failed/mark-handled.ts: a failed payment followed up.
  'failed_payment.handled': { kind: 'failedPaymentHandled', tone: 'info', values: (d) => ({ note: text(d.note) }) },
  // lib/mail/no-recipient.ts: an email that went nowhere, and why.
  'mail.not_sent': {
    kind: 'mailNoRecipient',
    tone: 'bad',
    values: (d) => ({ what: d.kind === 'approval-needed' ? 'approval' : d.kind === 'card-notice' ? 'notice' : 'expiring' }),
  },
  'card.disable_not_done': { kind: 'cardDisableNotDone', tone: 'warn', values: (d) => ({ requestedBy: text(d.requestedBy) }) },
  // lib/cards/remove-card.ts: the customer removed a card in the portal (actor `customer:<code>`).
  'card.removed_by_customer': { kind: 'cardRemovedByCustomer', tone: 'warn', values: (d) => ({ brand: text(d.brand) || 'Card', last4: text(d.last4) }) },
  // lib/mail/card-notice.ts: the security notice about a card change, sent or held back by the window.
  'card.notice_queued': { kind: 'cardNoticeSent', tone: 'info', values: (d) => ({ last4: text(d.last4), change: text(d.change), by: text(d.by) }) },
  'card.notice_held': { kind: 'cardNoticeHeld', tone: 'info', values: (d) => ({ last4: text(d.last4), change: text(d.change), by: text(d.by) }) },
  'card.notice_not_sent': { kind: 'cardNoticeNotSent', tone: 'bad', values: (d) => ({ last4: text(d.last4), why: text(d.why) }) },
  'card.disabled': (d) => ({
    kind: text(d.reason) ? 'cardDisabledWithReason' : 'cardDisabled',
    tone: 'warn',
    values: () => ({ brand: text(d.brand) || 'Card', last4: text(d.last4), reason: text(d.reason) }),
  }),
};

export function auditEntry(row: AuditRow): TimelineEntry {
  const rule = ACTIONS[row.action];
  const shown = typeof rule === 'function' ? rule(row.details) : rule;
  const values = { actor: row.actor, action: row.action, ...(shown?.values?.(row.details) ?? {}) };
  return { key: `audit:${row.id}`, at: row.at, kind: shown?.kind ?? 'other', tone: shown?.tone ?? 'info', values };
}

/** The audit log's rows for this account: links, disables, self-service links, retries, and whatever other areas audit. */
export const auditSource: TimelineSource = {
  name: 'audit',
  async load({ db }, account, limit) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.accountCode, account.code), notInArray(auditLog.action, ACTIONS_TOLD_ELSEWHERE)))
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(limit);
    return rows.map(auditEntry);
  },
};
