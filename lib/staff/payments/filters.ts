import { KNOWN_PAYMENT_STATUSES, KNOWN_PAYMENT_TYPES, type PaymentQuery } from '@/lib/domain/payments';

/**
 * The payments page's filters as they sit in the URL (so a view can be shared): a mode, then
 * only that mode's fields. A URL carrying both kinds is read by its mode alone, so the
 * either-or rule cannot be broken from here. FarPay has no status filter: the app filters each
 * page it gets by status (the page may then show fewer rows; "next" follows FarPay's paging).
 */
export type PaymentFilters = {
  query: PaymentQuery;
  /** App-side: FarPay cannot filter by it. */
  status?: string;
  /** 0-based (the URL's `page` is 1-based). */
  page: number;
};
export type FilterProblem = 'bad-date' | 'bad-range' | 'too-long' | 'bad-invoice' | 'bad-refund' | 'bad-reference' | 'empty-lookup' | 'bad-type' | 'bad-status';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^\d{1,12}$/;
const MAX_PERIOD_DAYS = 366;
export const PAGE_SIZE = 50;

const isDay = (d: string) => DAY.test(d) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;
const dayOffset = (today: string, days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The default period: the last 30 days up to today (UTC). */
export const defaultPeriod = (today: string) => ({ from: dayOffset(today, -30), to: today });

type Params = Record<string, string | string[] | undefined>;
const one = (p: Params, k: string): string => {
  const v = p[k];
  return (Array.isArray(v) ? v[0] : v)?.trim() ?? '';
};

/** Reads a period (from, to) alone: the failed-payments and reconciliation pages use it too. */
export function readPeriod(p: Params, today: string): { from: string; to: string } | FilterProblem {
  const period = { from: one(p, 'from') || defaultPeriod(today).from, to: one(p, 'to') || today };
  if (!isDay(period.from) || !isDay(period.to)) return 'bad-date';
  if (period.from > period.to) return 'bad-range';
  if (Date.parse(period.to) - Date.parse(period.from) > MAX_PERIOD_DAYS * 86_400_000) return 'too-long';
  return period;
}

export function readFilters(p: Params, today: string): PaymentFilters | FilterProblem {
  const type = one(p, 'type') || undefined;
  if (type !== undefined && !(KNOWN_PAYMENT_TYPES as readonly string[]).includes(type)) return 'bad-type';
  const pageText = one(p, 'page');
  const page = /^\d{1,6}$/.test(pageText) && Number(pageText) >= 1 ? Number(pageText) - 1 : 0;
  if (one(p, 'mode') === 'lookup') {
    const invoice = one(p, 'invoice');
    const refund = one(p, 'refund');
    const reference = one(p, 'reference');
    if (invoice && !ID.test(invoice)) return 'bad-invoice';
    if (refund && !ID.test(refund)) return 'bad-refund';
    if (reference.length > 100) return 'bad-reference';
    if (!invoice && !refund && !reference) return 'empty-lookup';
    const query: PaymentQuery = { mode: 'lookup', type };
    if (invoice) query.invoiceId = Number(invoice);
    if (refund) query.refundId = Number(refund);
    if (reference) query.reference = reference;
    return { query, page };
  }
  const period = readPeriod(p, today);
  if (typeof period === 'string') return period;
  const status = one(p, 'status') || undefined;
  if (status !== undefined && !(KNOWN_PAYMENT_STATUSES as readonly string[]).includes(status)) return 'bad-status';
  return { query: { mode: 'period', ...period, type }, status, page };
}

/** The URL search of a view (page 1-based), for links and "next". */
export function searchOf(f: PaymentFilters, page = f.page): string {
  const s = new URLSearchParams();
  const q = f.query;
  s.set('mode', q.mode);
  if (q.mode === 'period') {
    s.set('from', q.from);
    s.set('to', q.to);
    if (f.status) s.set('status', f.status);
  } else {
    if (q.invoiceId !== undefined) s.set('invoice', String(q.invoiceId));
    if (q.refundId !== undefined) s.set('refund', String(q.refundId));
    if (q.reference !== undefined) s.set('reference', q.reference);
  }
  if (q.type) s.set('type', q.type);
  if (page > 0) s.set('page', String(page + 1));
  return s.toString();
}
