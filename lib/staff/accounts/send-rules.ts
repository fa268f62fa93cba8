import { landingPaths } from '@/lib/auth/landing';
import type { StaffSendKind } from '@/lib/db/schema';

/** What staff send: the outbox's kinds for it. */
export type SendKind = StaffSendKind;

/** What staff may send a customer by email from the account page (the `?send=` parameter names one). */
export const STAFF_SEND_KINDS = ['customer-link', 'new-card', 'self-service'] as const satisfies readonly StaffSendKind[];

/** Sending the same kind to the same recipient again within this many minutes asks the staff member to confirm first. */
export const RESEND_WINDOW_MINUTES = 10;

/** How long the portal link in a staff-sent email works: the API's default. */
export const SENT_LINK_LIFETIME = '7d';

/** The start of the resend window that ends `now`. */
export function resendWindowStart(now: Date): Date {
  return new Date(now.getTime() - RESEND_WINDOW_MINUTES * 60_000);
}

/** The `?send=` parameter as a kind to preselect; anything else preselects the customer link. */
export function preselectedKind(value: unknown): StaffSendKind {
  return (STAFF_SEND_KINDS as readonly unknown[]).includes(value) ? (value as StaffSendKind) : 'customer-link';
}

/** Where a sent portal link lands: "please add your card again" opens the add-card view, a customer link the portal. */
export function sentLinkLanding(kind: Exclude<StaffSendKind, 'self-service'>): string {
  return kind === 'new-card' ? landingPaths.addCard() : landingPaths.portal();
}

/** The account page's address with the send form preselected (and scrolled to). */
export function sendFormHref(accountCode: string, kind: StaffSendKind, cardUuid?: string): string {
  const query = new URLSearchParams({ send: kind });
  if (cardUuid) query.set('card', cardUuid);
  return `/staff/accounts/${encodeURIComponent(accountCode)}?${query.toString()}#send`;
}
