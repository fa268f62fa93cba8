export type ExpiryStatus = 'valid' | 'soon' | 'expired';

/**
 * A card works through the last day of its expiry month. "Soon": that day falls within the
 * next two months, time for the customer to add a new card before a charge fails.
 */
export function expiryStatus(month: number, year: number, now: Date): ExpiryStatus {
  const monthsLeft = year * 12 + (month - 1) - (now.getUTCFullYear() * 12 + now.getUTCMonth());
  if (monthsLeft < 0) return 'expired';
  if (monthsLeft <= 1) return 'soon';
  return 'valid';
}
