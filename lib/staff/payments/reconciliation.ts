import { eachPage, type PaymentsReader } from './pages';
import { currencyOf, refundStateOf, type Payment } from '@/lib/domain/payments';

/**
 * Money figures of a set of records, minor units of one currency: paid = Paid payments;
 * returned = ReimbursedByBank (the money went back to the payer: not revenue); refunded = refunds
 * FarPay completed (Paid/Ok); pending = refunds not completed yet (New/Processing, or a status
 * the portal does not know). Error/Ignore refunds moved no money.
 */
type Figures = { count: number; paidMinor: number; returnedMinor: number; refundedMinor: number; pendingRefundMinor: number };

/** A period's figures from FarPay's own listing, summed in minor units as the pages stream by. */
export type Reconciliation = {
  count: number;
  /** Per currency (DKK where FarPay names none): amounts of different currencies are never added up. */
  byCurrency: Record<string, Figures>;
  /** Per payment type, "Visa" for DKK and "Visa · EUR" for another currency. */
  byType: Record<string, Figures>;
  /** Per status (and currency, as byType): count and the sum of PaidAmount. */
  byStatus: Record<string, { count: number; amountMinor: number }>;
  /** DKK only: per day or week (its first day), oldest first: paid, failed (ToBePaid of failed/rejected), refunded. */
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

const emptyFigures = (): Figures => ({ count: 0, paidMinor: 0, returnedMinor: 0, refundedMinor: 0, pendingRefundMinor: 0 });

function emptyReconciliation(period: { from: string; to: string }): Reconciliation {
  const days = (Date.parse(period.to) - Date.parse(period.from)) / DAY_MS + 1;
  return { count: 0, byCurrency: {}, byType: {}, byStatus: {}, buckets: [], unit: days > 62 ? 'week' : 'day' };
}

/** Where a record's money goes in the figures. */
function moneyOf(p: Payment): { paid: number; returned: number; refunded: number; pending: number } {
  const out = { paid: 0, returned: 0, refunded: 0, pending: 0 };
  if (p.sign === 'refund' || (p.sign === 'unknown' && p.paidMinor < 0)) {
    const state = refundStateOf(p);
    if (state === 'refunded') out.refunded = Math.abs(p.paidMinor);
    else if (state === 'pending') out.pending = Math.abs(p.paidMinor);
  } else if (p.status === 'Paid') out.paid = p.paidMinor;
  else if (p.status === 'ReimbursedByBank') out.returned = p.paidMinor;
  return out;
}

/** Adds one payment to the figures (pure: the CSV export and the page share it). */
function addToReconciliation(r: Reconciliation, p: Payment, buckets: Map<string, Reconciliation['buckets'][number]>): void {
  r.count++;
  const currency = currencyOf(p);
  const label = (name: string) => (currency === 'DKK' ? name : `${name} · ${currency}`);
  const m = moneyOf(p);
  for (const f of [(r.byCurrency[currency] ??= emptyFigures()), (r.byType[label(p.type)] ??= emptyFigures())]) {
    f.count++;
    f.paidMinor += m.paid;
    f.returnedMinor += m.returned;
    f.refundedMinor += m.refunded;
    f.pendingRefundMinor += m.pending;
  }
  const status = (r.byStatus[label(p.status)] ??= { count: 0, amountMinor: 0 });
  status.count++;
  status.amountMinor += p.paidMinor;
  if (currency !== 'DKK') return;
  const key = bucketOf(p, r.unit);
  let bucket = buckets.get(key);
  if (!bucket) buckets.set(key, (bucket = { start: key, paidMinor: 0, failedMinor: 0, refundedMinor: 0 }));
  bucket.paidMinor += m.paid;
  bucket.refundedMinor += m.refunded;
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
