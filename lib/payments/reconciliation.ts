import { eachPage, type PaymentsReader } from './pages';
import type { Payment } from './types';

/** A period's figures from FarPay's own listing, summed in øre as the pages stream by. */
export type Reconciliation = {
  count: number;
  paidMinor: number;
  refundedMinor: number;
  /** Per payment type: count, paid, refunded. */
  byType: Record<string, { count: number; paidMinor: number; refundedMinor: number }>;
  /** Per status: count and the sum of PaidAmount. */
  byStatus: Record<string, { count: number; amountMinor: number }>;
  /** Per day or week (its first day), oldest first: paid, failed (ToBePaid of failed/rejected), refunded. */
  buckets: Array<{ start: string; paidMinor: number; failedMinor: number; refundedMinor: number }>;
  unit: 'day' | 'week';
};

const FAILED = new Set(['PaymentFailed', 'PaymentRejected']);
const DAY_MS = 86_400_000;

/** The bucket a payment falls in: its day, or the Monday of its week. */
function bucketOf(p: Payment, unit: 'day' | 'week'): string {
  const day = p.date.slice(0, 10);
  if (unit === 'day') return day;
  const ms = Date.parse(`${day}T00:00:00Z`);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7;
  return new Date(ms - weekday * DAY_MS).toISOString().slice(0, 10);
}

export function emptyReconciliation(period: { from: string; to: string }): Reconciliation {
  const days = (Date.parse(period.to) - Date.parse(period.from)) / DAY_MS + 1;
  return { count: 0, paidMinor: 0, refundedMinor: 0, byType: {}, byStatus: {}, buckets: [], unit: days > 62 ? 'week' : 'day' };
}

/** Adds one payment to the figures (pure: the CSV export and the page share it). */
export function addToReconciliation(r: Reconciliation, p: Payment, buckets: Map<string, Reconciliation['buckets'][number]>): void {
  r.count++;
  const type = (r.byType[p.type] ??= { count: 0, paidMinor: 0, refundedMinor: 0 });
  const status = (r.byStatus[p.status] ??= { count: 0, amountMinor: 0 });
  type.count++;
  status.count++;
  status.amountMinor += p.paidMinor;
  const key = bucketOf(p, r.unit);
  let bucket = buckets.get(key);
  if (!bucket) buckets.set(key, (bucket = { start: key, paidMinor: 0, failedMinor: 0, refundedMinor: 0 }));
  if (p.paidMinor < 0) {
    r.refundedMinor -= p.paidMinor;
    type.refundedMinor -= p.paidMinor;
    bucket.refundedMinor -= p.paidMinor;
  } else {
    r.paidMinor += p.paidMinor;
    type.paidMinor += p.paidMinor;
    bucket.paidMinor += p.paidMinor;
  }
  if (FAILED.has(p.status) && p.sign === 'payment') bucket.failedMinor += p.toBePaidMinor;
}

/** Reads the whole period page by page (nothing held but the figures). */
export async function reconcilePeriod(farpay: PaymentsReader, period: { from: string; to: string }, signal?: AbortSignal): Promise<Reconciliation> {
  const r = emptyReconciliation(period);
  const buckets = new Map<string, Reconciliation['buckets'][number]>();
  for await (const rows of eachPage(farpay, { mode: 'period', ...period }, { signal })) for (const p of rows) addToReconciliation(r, p, buckets);
  r.buckets = [...buckets.values()].sort((a, b) => a.start.localeCompare(b.start));
  return r;
}
