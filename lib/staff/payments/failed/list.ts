import { inArray } from 'drizzle-orm';
import type { Db } from '@/lib/db/connect';
import { failedPaymentsHandled } from '@/lib/db/schema';
import { currencyOf } from '@/lib/domain/payments';
import type { AttentionCache } from '@/lib/staff/overview/cache';
import { PAGE_SIZE } from '../filters';
import type { PaymentsReader } from '../pages';
import { farpayFailedOf } from './farpay-failed';
import { fenerumDeclinedOf } from './fenerum-declined';

type Handled = { by: string; at: Date; note: string };

/** A failed payment to follow up, FarPay's or Fenerum's, with the account it belongs to (null: unknown). */
export type FailedPayment = {
  /** `farpay:<PaymentId>` or `fenerum:<PaymentIntent id>`: what "handled" is stored under. */
  key: string;
  source: 'farpay' | 'fenerum';
  /** FarPay's PaymentId (its detail page), null for Fenerum's. */
  farpayId: number | null;
  paymentIntentId: string | null;
  at: string;
  amountMinor: number | null;
  currency: string;
  /** FarPay's PaymentType and PaymentStatus; null for Fenerum's (a Stripe card, declined). */
  type: string | null;
  status: string | null;
  reason: string | null;
  /**
   * The account it belongs to. FarPay's payment record names none (seeds/003: InvoiceId,
   * PaymentInfo, no customer or account; PROVIDERS.md documents no link from a FarPay payment to a
   * Fenerum account), so a FarPay row is always unknown. A Fenerum one has the account its
   * webhook's handling found from Stripe and Fenerum, or none.
   */
  accountCode: string | null;
  handled: Handled | null;
};

export type FailedShow = 'unhandled' | 'all';
export type FailedListing = { rows: FailedPayment[]; total: number; hasNext: boolean; truncated: boolean };
export type FailedDeps = { db: Db; farpay: PaymentsReader; cache: AttentionCache };

/** Every failed payment of a period (FarPay's and Fenerum's), newest first, with its handling. */
async function allFailedPayments(
  deps: FailedDeps,
  period: { from: string; to: string },
  fresh: boolean,
): Promise<{ rows: FailedPayment[]; truncated: boolean }> {
  const [farpay, fenerum] = await Promise.all([farpayFailedOf(deps, period, fresh), fenerumDeclinedOf(deps.db, period)]);
  const rows: FailedPayment[] = [
    ...farpay.rows.map((p) => ({
      key: `farpay:${p.id}`,
      source: 'farpay' as const,
      farpayId: p.id,
      paymentIntentId: null,
      at: p.date,
      amountMinor: p.toBePaidMinor,
      currency: currencyOf(p),
      type: p.type,
      status: p.status,
      reason: p.error,
      accountCode: null,
      handled: null,
    })),
    ...fenerum.map((d) => ({
      key: `fenerum:${d.paymentIntentId}`,
      source: 'fenerum' as const,
      farpayId: null,
      paymentIntentId: d.paymentIntentId,
      at: d.at.toISOString(),
      amountMinor: d.amountMinor,
      currency: d.currency ?? 'DKK',
      type: null,
      status: null,
      reason: d.reason,
      accountCode: d.accountCode,
      handled: null,
    })),
  ].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  const handled = await handledOf(
    deps.db,
    rows.map((r) => r.key),
  );
  return { rows: rows.map((r) => ({ ...r, handled: handled.get(r.key) ?? null })), truncated: farpay.truncated };
}

async function handledOf(db: Db, keys: string[]): Promise<Map<string, Handled>> {
  const out = new Map<string, Handled>();
  for (let i = 0; i < keys.length; i += 1000) {
    const rows = await db
      .select()
      .from(failedPaymentsHandled)
      .where(inArray(failedPaymentsHandled.paymentKey, keys.slice(i, i + 1000)));
    for (const r of rows) out.set(r.paymentKey, { by: r.handledBy, at: r.handledAt, note: r.note });
  }
  return out;
}

/**
 * One page of the failed-payments list (0-based), unhandled ones only unless `all`. The whole
 * period is known before paging, so "next" shows only when a next page has rows. `fresh` asks
 * FarPay now instead of its cached minute (the list page; the overview counts from the cache).
 */
export async function listFailedPayments(
  deps: FailedDeps,
  period: { from: string; to: string },
  show: FailedShow,
  page: number,
  opts: { fresh?: boolean } = {},
): Promise<FailedListing> {
  const { rows, truncated } = await allFailedPayments(deps, period, opts.fresh ?? false);
  const shown = show === 'all' ? rows : rows.filter((r) => !r.handled);
  return { rows: shown.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE), total: shown.length, hasNext: shown.length > (page + 1) * PAGE_SIZE, truncated };
}
