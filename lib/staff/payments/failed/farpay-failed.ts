import type { Payment } from '@/lib/domain/payments';
import type { AttentionCache } from '@/lib/staff/overview/cache';
import { eachPage, type PaymentsReader } from '../pages';

const FAILED_STATUSES = ['PaymentFailed', 'PaymentRejected'];
/** How many payments a scan reads through at most before asking for a shorter period. */
const FAILED_SCAN_LIMIT = 50_000;

/** Whether a FarPay record is a failed or rejected payment (a refund never is). */
export const isFailedPayment = (p: Pick<Payment, 'sign' | 'status'>): boolean => p.sign === 'payment' && FAILED_STATUSES.includes(p.status);

/**
 * Every failed and rejected FarPay payment of a period, newest first, read once a minute at most
 * (cached): FarPay has no status filter, so this reads the whole period, up to FAILED_SCAN_LIMIT
 * records (`truncated` then). `fresh` reads FarPay now and keeps that for the next minute (the
 * failed-payments list a person is looking at: the overview's count then agrees with it).
 */
export function farpayFailedOf(deps: { farpay: PaymentsReader; cache: AttentionCache }, period: { from: string; to: string }, fresh = false) {
  const key = `${period.from}/${period.to}`;
  if (fresh) deps.cache.farpayFailed.delete(key);
  return deps.cache.farpayFailed.get(key, async () => {
    const rows: Payment[] = [];
    let read = 0;
    for await (const page of eachPage(deps.farpay, { mode: 'period', ...period })) {
      read += page.length;
      rows.push(...page.filter(isFailedPayment));
      if (read >= FAILED_SCAN_LIMIT) return { rows, truncated: true };
    }
    return { rows, truncated: false };
  });
}
