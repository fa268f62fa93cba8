import { approvalsOf, type Approval } from '@/lib/approvals/store';
import { formatMoney } from '@/lib/i18n/money';
import type { TimelineEntry, TimelineSource, TimelineTone } from './types';

const SHOWN: Record<Approval['status'], { kind: string; tone: TimelineTone }> = {
  pending: { kind: 'approvalPending', tone: 'warn' },
  processing: { kind: 'approvalProcessing', tone: 'info' },
  succeeded: { kind: 'approvalSucceeded', tone: 'ok' },
  canceled: { kind: 'approvalCanceled', tone: 'bad' },
};

/** One payment Fenerum could not take without the customer (3-D Secure), with where it stands now. */
function approvalEntry(a: Approval): TimelineEntry {
  const shown = SHOWN[a.status];
  return {
    key: `approval:${a.paymentIntentId}`,
    at: a.status === 'pending' ? a.createdAt : a.updatedAt,
    kind: shown.kind,
    tone: shown.tone,
    values: { amount: formatMoney({ minor: a.amount, currency: a.currency }, 'en'), paymentIntent: a.paymentIntentId, askedAt: a.createdAt },
  };
}

/** Payments waiting for the customer's approval, and what became of them (payment_approvals). */
export const approvalSource: TimelineSource = {
  name: 'approvals',
  load: async ({ db }, account, limit) => (await approvalsOf(db, account.code)).slice(0, limit).map(approvalEntry),
};
