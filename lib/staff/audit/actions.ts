import type { ApprovalStatus } from '@/lib/db/schema';
import type { FenerumEventName } from '@/lib/fenerum-webhooks/types';
import type { RefundOutcomeCode } from '@/lib/staff/payments/refunds/outcomes';

/**
 * Every action the audit writer (lib/audit.ts) takes: its `action` is typed by this union, so a
 * new action does not compile until it is named here, and AUDIT_ACTIONS (below) does not compile
 * until it lists it. Each has a sentence under `auditLog.actions` in messages/*.json (a unit test
 * walks AUDIT_ACTIONS in both languages), read on the audit log and the account's timeline.
 */
export type AuditAction =
  | 'link.issued'
  | 'link.revoked'
  | 'link.opened'
  | 'link.requested'
  | 'card.add_started'
  | 'card.add_expired'
  | 'card.registered'
  | 'card.registration_failed'
  | 'card.registration_retried'
  | 'card.disable_requested'
  | 'card.disabled'
  | 'card.disable_not_done'
  | 'card.removed_by_customer'
  | 'card.notice_queued'
  | 'card.notice_held'
  | 'card.notice_not_sent'
  | 'card.import_started'
  | 'card.import_failed_rows'
  | `approval.${Exclude<ApprovalStatus, 'pending'>}`
  | 'approval.requested'
  | FenerumEventName
  | 'payment.unattributed'
  | 'mail.queued'
  | 'mail.sent'
  | 'mail.failed'
  | 'mail.opened'
  | 'mail.not_sent'
  | 'mail.staff_sent'
  | 'campaign.sent'
  | 'campaign.reminded'
  | 'failed_payment.handled'
  | 'self_service.link_created'
  | `farpay.refund.${RefundOutcomeCode}`
  | 'farpay.refund.reconciled'
  | 'farpay.refund.not-made'
  | 'farpay.export'
  | 'audit.exported'
  | 'retention.deleted'
  | 'staff.add'
  | 'staff.role'
  | 'staff.disable'
  | 'staff.enable'
  | 'staff.reset_password'
  | 'staff.reset_second_factor'
  | 'staff.step_up'
  | 'staff.step_up_refused';

/** The same set at run time: `satisfies` fails to compile when one is missing here or is no action. */
const LISTED = {
  'link.issued': true,
  'link.revoked': true,
  'link.opened': true,
  'link.requested': true,
  'card.add_started': true,
  'card.add_expired': true,
  'card.registered': true,
  'card.registration_failed': true,
  'card.registration_retried': true,
  'card.disable_requested': true,
  'card.disabled': true,
  'card.disable_not_done': true,
  'card.removed_by_customer': true,
  'card.notice_queued': true,
  'card.notice_held': true,
  'card.notice_not_sent': true,
  'card.import_started': true,
  'card.import_failed_rows': true,
  'approval.requested': true,
  'approval.processing': true,
  'approval.succeeded': true,
  'approval.canceled': true,
  'payment.authentication_required': true,
  'payment.declined': true,
  card_expires_this_month: true,
  'payment_card.activated': true,
  'payment_card.deactivated': true,
  'payment.unattributed': true,
  'mail.queued': true,
  'mail.sent': true,
  'mail.failed': true,
  'mail.opened': true,
  'mail.not_sent': true,
  'mail.staff_sent': true,
  'campaign.sent': true,
  'campaign.reminded': true,
  'failed_payment.handled': true,
  'self_service.link_created': true,
  'farpay.refund.succeeded': true,
  'farpay.refund.pending': true,
  'farpay.refund.in-progress': true,
  'farpay.refund.changed': true,
  'farpay.refund.unresolved': true,
  'farpay.refund.not-card': true,
  'farpay.refund.not-paid': true,
  'farpay.refund.nothing-left': true,
  'farpay.refund.too-much': true,
  'farpay.refund.invalid-amount': true,
  'farpay.refund.amount-too-large': true,
  'farpay.refund.not-found': true,
  'farpay.refund.not-refundable': true,
  'farpay.refund.psp-error': true,
  'farpay.refund.farpay-refused': true,
  'farpay.refund.unknown': true,
  'farpay.refund.step-up-needed': true,
  'farpay.refund.reconciled': true,
  'farpay.refund.not-made': true,
  'farpay.export': true,
  'audit.exported': true,
  'retention.deleted': true,
  'staff.add': true,
  'staff.role': true,
  'staff.disable': true,
  'staff.enable': true,
  'staff.reset_password': true,
  'staff.reset_second_factor': true,
  'staff.step_up': true,
  'staff.step_up_refused': true,
} as const satisfies Record<AuditAction, true>;

/** Every action the code can write, for the test that holds each to a sentence in both languages. */
export const AUDIT_ACTIONS = Object.keys(LISTED) as AuditAction[];

/** An action read back from the log (older rows, or another version's) that this version describes. */
export const isAuditAction = (action: string): action is AuditAction => Object.hasOwn(LISTED, action);
