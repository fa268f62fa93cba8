import {
  BASE_INVOICE_ID,
  DEFAULT_SEED,
  DEFAULT_SIZE,
  firstIndexAt,
  indexOfPayment,
  isCardType,
  isVoidRefundStatus,
  recordAt,
  type FpRecord,
  type PaymentStatus,
  type PaymentType,
} from './data';

/**
 * The emulator's state: the lazy data set (seed, size) plus a small overlay of what happened at
 * runtime (payments a test created, refunds made through the API). Overlay ids count up and
 * never go back, not even on a reset; they start from the clock (tenths of a second), so a
 * sandbox started again does not hand out ids an app's database already holds. They stay below
 * 10^9 (FarPay's integers; the app stores them as int4).
 */
const OVERLAY_FIRST_ID = 10_000_000 + (Math.floor(Date.now() / 100) % 900_000_000);

export type FarpayState = {
  seed: number;
  size: number;
  overlay: FpRecord[];
  byId: Map<number, FpRecord>;
  refundsByPayment: Map<number, FpRecord[]>;
  nextId: number;
  /** Where page n of a listing starts (a position), per filter: deep pages of a filtered scan stay cheap. */
  cursors: Map<string, number>;
};

export function freshState(seed = DEFAULT_SEED, size = DEFAULT_SIZE, nextId = OVERLAY_FIRST_ID): FarpayState {
  return { seed, size, overlay: [], byId: new Map(), refundsByPayment: new Map(), nextId, cursors: new Map() };
}

export function findRecord(state: FarpayState, id: number): FpRecord | null {
  const over = state.byId.get(id);
  if (over) return over;
  const i = indexOfPayment(id, state.size);
  return i === null ? null : recordAt(state.seed, i, state.size);
}

/** Every refund of a payment, oldest first. */
export function refundsOf(state: FarpayState, paymentId: number): FpRecord[] {
  const found: FpRecord[] = [];
  const i = indexOfPayment(paymentId, state.size);
  if (i !== null && i % 2 === 0 && i + 1 < state.size) {
    const next = recordAt(state.seed, i + 1, state.size);
    if (next.refundOf === paymentId) found.push(next);
  }
  return [...found, ...(state.refundsByPayment.get(paymentId) ?? [])];
}

/** Paid less every refund that may move money (Error/Ignore ones moved none). */
const remainingOf = (state: FarpayState, payment: FpRecord): number =>
  payment.paidMinor + refundsOf(state, payment.paymentId).reduce((sum, r) => sum + (isVoidRefundStatus(r.status) ? 0 : r.paidMinor), 0);

/** The latest refund of a payment (what the original's RefundId names under the `refund` reading). */
const latestRefundOf = (state: FarpayState, paymentId: number): FpRecord | null => refundsOf(state, paymentId).at(-1) ?? null;

function addOverlay(state: FarpayState, record: FpRecord): FpRecord {
  state.overlay.push(record);
  state.byId.set(record.paymentId, record);
  if (record.refundOf !== null) state.refundsByPayment.set(record.refundOf, [...(state.refundsByPayment.get(record.refundOf) ?? []), record]);
  state.cursors.clear();
  return record;
}

export type NewPayment = { type: PaymentType | string; status: PaymentStatus; amountMinor: number; error?: string | null; invoiceId?: number };

/** A payment made now (a test's own data). */
export function createPayment(state: FarpayState, input: NewPayment, now: Date): FpRecord {
  const id = state.nextId++;
  const invoiceId = input.invoiceId ?? BASE_INVOICE_ID * 4 + id;
  const paid = input.status === 'Paid' || input.status === 'ReimbursedByBank';
  return addOverlay(state, {
    paymentId: id,
    invoiceId,
    reference: `REF-${invoiceId}`,
    dateMs: now.getTime(),
    type: input.type,
    status: input.status,
    toBePaidMinor: input.amountMinor,
    paidMinor: paid ? input.amountMinor : 0,
    sign: 'Payment',
    refundOf: null,
    info: paid ? `${input.type} payment processed` : `${input.type} payment not completed`,
    error: input.error ?? (paid ? null : 'Payment failed'),
  });
}

export type RefundOutcome = { ok: true; refund: FpRecord } | { ok: false; status: number; code: 20012 | 20013 | 20014 | 20050 | 460; remainingMinor?: number };

/** FarPay's refund rules (seeds/003): card types only, Paid only, at most the remaining amount. */
export function refund(
  state: FarpayState,
  paymentId: number,
  amountMinor: number | null,
  now: Date,
  opts: { mobilePayRefundable: boolean; refundStatus: string },
): RefundOutcome {
  const payment = findRecord(state, paymentId);
  if (!payment) return { ok: false, status: 404, code: 20014 };
  const refundable = isCardType(payment.type) || (opts.mobilePayRefundable && /^MP|^MobilePay/i.test(payment.type));
  if (payment.sign !== 'Payment' || !refundable) return { ok: false, status: 400, code: 20050 };
  if (payment.status !== 'Paid') return { ok: false, status: 400, code: 20013 };
  const remaining = remainingOf(state, payment);
  if (remaining <= 0) return { ok: false, status: 400, code: 20012 };
  const amount = amountMinor ?? remaining;
  if (amount > remaining) return { ok: false, status: 400, code: 460, remainingMinor: remaining };
  const id = state.nextId++;
  const full = amount === payment.paidMinor;
  return {
    ok: true,
    refund: addOverlay(state, {
      ...payment,
      paymentId: id,
      dateMs: now.getTime(),
      status: opts.refundStatus,
      paidMinor: -amount,
      sign: 'Refund',
      refundOf: payment.paymentId,
      info: full ? 'Full refund processed' : 'Partial refund processed',
      error: null,
    }),
  };
}

export type Query = {
  range?: { fromMs: number; toMs: number };
  invoiceId?: number;
  refundId?: number;
  reference?: string;
  type?: string;
  pageSize: number;
  page: number;
};

const byNewest = (a: FpRecord, b: FpRecord) => b.dateMs - a.dateMs || b.paymentId - a.paymentId;

/** The record's RefundId as the reading has it (see settings.ts `refundIdPointsAt`). */
export function refundIdOf(state: FarpayState, r: FpRecord, reading: 'original' | 'refund'): number | null {
  if (reading === 'original') return r.refundOf;
  return r.sign === 'Refund' ? r.paymentId : (latestRefundOf(state, r.paymentId)?.paymentId ?? null);
}

function lookup(state: FarpayState, q: Query, reading: 'original' | 'refund'): FpRecord[] {
  const seen = new Map<number, FpRecord>();
  const add = (r: FpRecord | null) => void (r && seen.set(r.paymentId, r));
  const invoice = q.invoiceId ?? (q.reference?.startsWith('REF-') ? Number(q.reference.slice(4)) : undefined);
  if (q.refundId !== undefined && reading === 'original') refundsOf(state, q.refundId).forEach(add);
  else if (q.refundId !== undefined) {
    const named = findRecord(state, q.refundId);
    add(named);
    if (named?.refundOf) add(findRecord(state, named.refundOf));
  } else if (invoice !== undefined && Number.isSafeInteger(invoice)) {
    const i = invoice - BASE_INVOICE_ID;
    for (const j of [i, i + 1]) if (j >= 0 && j < state.size) add(recordAt(state.seed, j, state.size));
    state.overlay.forEach(add);
  }
  return [...seen.values()]
    .filter(
      (r) =>
        (q.invoiceId === undefined || r.invoiceId === q.invoiceId) &&
        (q.reference === undefined || r.reference === q.reference) &&
        (q.refundId === undefined || refundIdOf(state, r, reading) === q.refundId) &&
        (q.type === undefined || r.type === q.type),
    )
    .sort(byNewest);
}

/** One page of a listing, newest first: the overlay (all newer than the data set), then the data set. */
export function listPage(state: FarpayState, q: Query, reading: 'original' | 'refund' = 'original'): FpRecord[] {
  if (q.invoiceId !== undefined || q.refundId !== undefined || q.reference !== undefined) {
    return lookup(state, q, reading).slice(q.page * q.pageSize, (q.page + 1) * q.pageSize);
  }
  const from = q.range?.fromMs ?? -Infinity;
  const to = q.range?.toMs ?? Infinity;
  const over = state.overlay.filter((r) => r.dateMs >= from && r.dateMs <= to && (q.type === undefined || r.type === q.type)).reverse();
  const lo = q.range ? firstIndexAt(from, state.size) : 0;
  const hi = q.range ? firstIndexAt(to + 1, state.size) : state.size;
  const at = (pos: number): FpRecord | null => {
    if (pos < over.length) return over[pos] ?? null;
    const i = hi - 1 - (pos - over.length);
    return i >= lo ? recordAt(state.seed, i, state.size) : null;
  };
  const total = over.length + Math.max(0, hi - lo);
  if (q.type === undefined) {
    const rows: FpRecord[] = [];
    for (let p = q.page * q.pageSize; p < Math.min(total, (q.page + 1) * q.pageSize); p++) rows.push(at(p) as FpRecord);
    return rows;
  }
  // A type filter: scan, remembering where each page starts so the next page does not rescan.
  const key = `${from}|${to}|${q.type}|${q.pageSize}`;
  let page = q.page;
  while (page > 0 && !state.cursors.has(`${key}#${page}`)) page--;
  let pos = page === 0 ? 0 : (state.cursors.get(`${key}#${page}`) as number);
  let rows: FpRecord[] = [];
  let matched = 0;
  for (; pos < total; pos++) {
    const r = at(pos) as FpRecord;
    if (r.type !== q.type) continue;
    if (matched === q.pageSize) {
      state.cursors.set(`${key}#${++page}`, pos);
      if (page > q.page) break;
      matched = 0;
      rows = [];
    }
    matched++;
    if (page === q.page) rows.push(r);
  }
  if (state.cursors.size > 10_000) state.cursors.clear();
  return page >= q.page ? rows : [];
}

type Figures = { count: number; paidMinor: number; returnedMinor: number; refundedMinor: number; pendingRefundMinor: number };
export type Totals = {
  from: string;
  to: string;
  /** Sum of every PaidAmount as listed (payments positive, refunds negative), øre: what a CSV's column sums to. */
  netMinor: number;
  byType: Record<string, Figures>;
  byStatus: Record<string, { count: number; amountMinor: number }>;
  /** Per currency (DKK where the record names none). */
  byCurrency: Record<string, Figures & { netMinor: number }>;
} & Figures;

const emptyFigures = (): Figures => ({ count: 0, paidMinor: 0, returnedMinor: 0, refundedMinor: 0, pendingRefundMinor: 0 });

/**
 * FarPay's own figures for a period (inclusive days), as a listing of it would sum them: paid =
 * Paid payments; returned = ReimbursedByBank (the money went back to the payer); refunded =
 * refunds in Paid/Ok; pending = refunds in New/Processing; Error/Ignore refunds moved nothing.
 */
export function totalsOf(state: FarpayState, fromMs: number, toMs: number, labels: { from: string; to: string }, currencyOf: (r: FpRecord) => string): Totals {
  const t: Totals = { ...labels, ...emptyFigures(), netMinor: 0, byType: {}, byStatus: {}, byCurrency: {} };
  const add = (r: FpRecord) => {
    t.netMinor += r.paidMinor;
    const status = (t.byStatus[r.status] ??= { count: 0, amountMinor: 0 });
    status.count++;
    status.amountMinor += r.paidMinor;
    const cur = (t.byCurrency[currencyOf(r)] ??= { ...emptyFigures(), netMinor: 0 });
    cur.netMinor += r.paidMinor;
    for (const f of [t, (t.byType[r.type] ??= emptyFigures()), cur]) {
      f.count++;
      if (r.sign === 'Refund') {
        if (r.status === 'Paid' || r.status === 'Ok') f.refundedMinor -= r.paidMinor;
        else if (r.status === 'New' || r.status === 'Processing') f.pendingRefundMinor -= r.paidMinor;
      } else if (r.status === 'Paid') f.paidMinor += r.paidMinor;
      else if (r.status === 'ReimbursedByBank') f.returnedMinor += r.paidMinor;
    }
  };
  const lo = firstIndexAt(fromMs, state.size);
  const hi = firstIndexAt(toMs + 1, state.size);
  for (let i = lo; i < hi; i++) add(recordAt(state.seed, i, state.size));
  state.overlay.filter((r) => r.dateMs >= fromMs && r.dateMs <= toMs).forEach(add);
  return t;
}
