import type { CampaignKind, CampaignSendStatus } from '@/lib/db/tables/campaigns';
import { isSepaMandate, type PaymentCard } from '@/lib/domain/cards';
import { wantsNewCard } from '@/lib/domain/cards';

export const CAMPAIGN_KINDS = ['legacy', 'expiring'] as const satisfies readonly CampaignKind[];

/** A customer is never sent the same campaign twice within this many days of the first send. */
export const CAMPAIGN_WINDOW_DAYS = 30;

/** The reminder's "did not act after N days": what the page offers first, and the most it takes. */
export const REMIND_DEFAULT_DAYS = 7;
export const REMIND_MAX_DAYS = 30;

/** The most accounts one send takes (the page lists them all; a larger audience is sent in parts). */
export const SEND_MAX_ACCOUNTS = 1000;

const DAY_MS = 24 * 60 * 60_000;

/** One account a campaign is for, with the card it is about. */
export type Candidate = { campaign: CampaignKind; accountUuid: string; card: PaymentCard };

/** Months from now's month to the card's expiry month (0: it ends this month, 1: next month). */
function monthsLeft(card: Pick<PaymentCard, 'expMonth' | 'expYear'>, now: Date): number {
  return card.expYear * 12 + (card.expMonth - 1) - (now.getUTCFullYear() * 12 + now.getUTCMonth());
}

/**
 * Who each campaign is for, from every card Fenerum holds (any order, any account):
 * - `legacy`: the account's active cards are all on the legacy `stripe` gateway (its next
 *   payment asks for 3-D Secure, seeds/001); an account that also has a `stripe_new` or QuickPay
 *   card is charged on that one and is left alone.
 * - `expiring`: the account's active card that lasts longest ends next month (an account with a
 *   card that lasts beyond it has nothing to do). SEPA mandates have no expiry and never count.
 * The card shown is the legacy card that lasts longest, or the one that expires.
 */
export function selectCandidates(cards: readonly PaymentCard[], now: Date): Candidate[] {
  const byAccount = new Map<string, PaymentCard[]>();
  for (const card of cards) {
    if (!card.active) continue;
    const key = card.accountUuid.toLowerCase();
    byAccount.set(key, [...(byAccount.get(key) ?? []), card]);
  }
  const out: Candidate[] = [];
  for (const [accountUuid, active] of byAccount) {
    const longest = (list: PaymentCard[]) => list.reduce((a, b) => (monthsLeft(b, now) > monthsLeft(a, now) ? b : a));
    // The staff account page's own test for a card to add again (an active legacy `stripe` card).
    if (active.every(wantsNewCard)) out.push({ campaign: 'legacy', accountUuid, card: longest(active) });
    const expiring = active.filter((c) => !isSepaMandate(c));
    if (expiring.length > 0 && expiring.length === active.length) {
      const last = longest(expiring);
      if (monthsLeft(last, now) === 1) out.push({ campaign: 'expiring', accountUuid, card: last });
    }
  }
  return out;
}

/** The start of the window ending `now`: a send of the same campaign to the account since then blocks another. */
export function windowStart(now: Date): Date {
  return new Date(now.getTime() - CAMPAIGN_WINDOW_DAYS * DAY_MS);
}

/** Whether an earlier send blocks a new one now: made within the window and not one that reached nobody. */
export function blocksResend(earlier: { createdAt: Date; status: CampaignSendStatus }, now: Date): boolean {
  return (earlier.status === 'pending' || earlier.status === 'sent') && earlier.createdAt > windowStart(now);
}

/** One send as the page shows it. */
export type SendState = 'queued' | 'sent' | 'opened' | 'replaced' | 'no-recipient' | 'failed';

/** A send's state, the furthest the customer got: replaced beats opened beats sent. */
export function sendState(s: { status: CampaignSendStatus; opened: boolean; replaced: boolean }): SendState {
  if (s.replaced) return 'replaced';
  if (s.status === 'pending') return 'queued';
  if (s.status === 'no-recipient' || s.status === 'failed') return s.status;
  return s.opened ? 'opened' : 'sent';
}

/** Whether a send is due a reminder: sent at least `afterDays` ago, no card since, not reminded yet. */
export function dueReminder(
  s: { status: CampaignSendStatus; sentAt: Date | null; replaced: boolean; reminderStatus: CampaignSendStatus | null },
  afterDays: number,
  now: Date,
): boolean {
  if (s.status !== 'sent' || !s.sentAt || s.replaced || s.reminderStatus !== null) return false;
  return s.sentAt.getTime() <= now.getTime() - afterDays * DAY_MS;
}
