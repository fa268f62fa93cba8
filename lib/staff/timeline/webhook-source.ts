import { webhookEventsOf, type WebhookEvent } from '@/lib/fenerum-webhooks/receive';
import type { TimelineEntry, TimelineSource, TimelineTone } from './types';

const SHOWN: Record<string, { kind: string; tone: TimelineTone }> = {
  'payment.authentication_required': { kind: 'webhookAuthenticationRequired', tone: 'warn' },
  'payment.declined': { kind: 'webhookPaymentDeclined', tone: 'bad' },
  card_expires_this_month: { kind: 'webhookCardExpiring', tone: 'warn' },
  'payment_card.activated': { kind: 'webhookCardActivated', tone: 'info' },
  'payment_card.deactivated': { kind: 'webhookCardDeactivated', tone: 'warn' },
};

/** One webhook Fenerum sent about this account, and whether the portal could act on it. */
function webhookEntry(e: WebhookEvent): TimelineEntry {
  const shown = SHOWN[e.event] ?? { kind: 'webhookOther', tone: 'info' as const };
  const failed = e.status === 'failed';
  return {
    key: `webhook:${e.eventKey}`,
    at: e.receivedAt,
    kind: shown.kind,
    tone: failed ? 'bad' : shown.tone,
    values: { event: e.event, subject: e.subject ?? '', status: e.status },
    detail: failed || e.status === 'ignored' ? e.lastError : null,
  };
}

/** Fenerum's webhooks about this account (fenerum_webhook_events), newest first. */
export const webhookSource: TimelineSource = {
  name: 'fenerum-webhooks',
  load: async ({ db }, account, limit) => (await webhookEventsOf(db, account.code, limit)).map(webhookEntry),
};
