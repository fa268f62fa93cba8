import { TtlCache } from '@/lib/cache/ttl-cache';
import type { CallOptions, Recipient } from '@/lib/fenerum/types';
import type { Account } from '@/lib/domain/accounts';
import type { PaymentCard } from '@/lib/domain/cards';

/**
 * How the staff pages read Fenerum: a person is waiting (the interactive lane), and a 429 that
 * asks for any wait at all fails at once, so the page can say "Fenerum is busy; this page
 * refreshes in N seconds" instead of hanging while the client sits out the Retry-After.
 */
export const STAFF_READ: CallOptions = { priority: 'interactive', maxRetryAfterSeconds: 0 };

/** How long the whole account list and recipient list (for search) are kept: brief, since each costs a page per 100. */
const ACCOUNT_LIST_TTL_MS = 60_000;

/**
 * The staff console's own cache (search): the account, recipient and card lists read whole, and
 * cards found by uuid (null: Fenerum has none). Accounts, an account's card list and its
 * recipients are the portal's (shared, dropped on our writes).
 */
export type StaffCache = {
  accountList: TtlCache<Account[]>;
  recipientList: TtlCache<Recipient[]>;
  cardList: TtlCache<PaymentCard[]>;
  cardByUuid: TtlCache<PaymentCard | null>;
  /** When the account list was last read again early (a card's account not in it yet): at most every 15 s. */
  accountListReread: { at: number };
};

export function createStaffCache(ttlMs = ACCOUNT_LIST_TTL_MS): StaffCache {
  return {
    accountList: new TtlCache<Account[]>(ttlMs, 4),
    recipientList: new TtlCache<Recipient[]>(ttlMs, 4),
    cardList: new TtlCache<PaymentCard[]>(ttlMs, 4),
    cardByUuid: new TtlCache<PaymentCard | null>(ttlMs, 500),
    accountListReread: { at: 0 },
  };
}

/** An account code as Fenerum might have it: not empty, not a path trick, no control characters, not huge. */
export function isPlausibleCode(code: string): boolean {
  const c = code.trim();
  return c.length > 0 && c.length <= 100 && c !== '.' && c !== '..' && !/[\u0000-\u001f\u007f/\\?#]/.test(c);
}

/** A Fenerum card uuid (any version, either case). */
export function isCardUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
