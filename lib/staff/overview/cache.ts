import { TtlCache } from '@/lib/cache/ttl-cache';
import type { Payment } from '@/lib/domain/payments';
import type { PaymentCard } from '@/lib/domain/cards';

/** How long a FarPay scan of failed payments and Fenerum's card list are kept: the overview is looked at often, and each is many requests. */
const FARPAY_FAILED_TTL_MS = 60_000;
const FENERUM_CARDS_TTL_MS = 10 * 60_000;

/**
 * The staff console's reads behind "what needs attention" (the overview and the failed-payments
 * list share them, so a count and its list agree): FarPay's failed payments of a period, and
 * every Fenerum card (cards expiring next month). Keyed by what was asked.
 */
export type AttentionCache = {
  farpayFailed: TtlCache<{ rows: Payment[]; truncated: boolean }>;
  fenerumCards: TtlCache<PaymentCard[]>;
};

export function createAttentionCache(): AttentionCache {
  return { farpayFailed: new TtlCache(FARPAY_FAILED_TTL_MS, 20), fenerumCards: new TtlCache(FENERUM_CARDS_TTL_MS, 2) };
}
