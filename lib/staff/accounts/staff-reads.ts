import { TtlCache } from '@/lib/cache/ttl-cache';
import type { CallOptions } from '@/lib/fenerum/types';
import type { PaymentCard } from '@/lib/domain/cards';

/**
 * How the staff pages read Fenerum: a person is waiting (the interactive lane), and a 429 that
 * asks for any wait at all fails at once, so the page can say "Fenerum is busy; this page
 * refreshes in N seconds" instead of hanging while the client sits out the Retry-After.
 */
export const STAFF_READ: CallOptions = { priority: 'interactive', maxRetryAfterSeconds: 0 };

/** How long the card list (search by last four) and cards found by uuid are kept: brief, since the list costs a page per 100. */
const CARD_LIST_TTL_MS = 60_000;

/**
 * The staff console's own cache: the card list (a bounded number of pages, search by last four), and cards found by uuid (null: Fenerum has
 * none). Accounts, an account's card list and its recipients are the portal's (shared, dropped on
 * our writes). Account search reads the account index (account-index.ts), not Fenerum.
 */
export type StaffCache = {
  cardList: TtlCache<{ cards: PaymentCard[]; complete: boolean }>;
  cardByUuid: TtlCache<PaymentCard | null>;
  /** The account index's refresh after a search that missed (search-refresh.ts): shared by the searches waiting for it, at most one start per 2 s. */
  missRefresh: { lastStart: number; next: Promise<boolean> | null; running: Promise<unknown> | null };
  /** When a card's account missing from the index last had the index refreshed for it: at most every 15 s. */
  unknownAccountRefresh: { at: number };
};

export function createStaffCache(ttlMs = CARD_LIST_TTL_MS): StaffCache {
  return {
    cardList: new TtlCache<{ cards: PaymentCard[]; complete: boolean }>(ttlMs, 4),
    cardByUuid: new TtlCache<PaymentCard | null>(ttlMs, 500),
    missRefresh: { lastStart: 0, next: null, running: null },
    unknownAccountRefresh: { at: 0 },
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
