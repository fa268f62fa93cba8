import { and, asc, count, eq, gte, lt, or, type SQL } from 'drizzle-orm';
import type { Db } from '@/lib/db/connect';
import { farpayRefunds, mailOutbox, paymentApprovals, registrations } from '@/lib/db/schema';
import type { PaymentCard } from '@/lib/domain/cards';
import type { Account } from '@/lib/domain/accounts';

/** The lists the overview counts that live in our own database (failed payments and expiring cards have their own). */
export const DB_LISTS = ['approvals', 'registrations', 'refunds', 'mail'] as const;
export type DbList = (typeof DB_LISTS)[number];
export type AttentionList = DbList | 'expiring';

/** One row of an attention list, in the words the page needs. */
export type AttentionRow = {
  at: Date | null;
  accountCode: string | null;
  /** What it is: a PaymentIntent, a card, a recipient, a FarPay payment id. */
  subject: string;
  amountMinor: number | null;
  currency: string | null;
  /** Why it needs attention, as the provider or the worker said it (not translated). */
  detail: string | null;
  /** A FarPay payment's id (its detail page), for a refund. */
  farpayId: number | null;
};

/** How long a refused registration or a failed email stays on the overview. */
const RECENT_DAYS = 30;
/** A card queued for Fenerum for longer than this is stuck (the worker tries every few minutes). */
const STUCK_MS = 60 * 60_000;
/** Rows on one page of a list (the pager goes through the rest: the count is the list's whole length). */
export const ATTENTION_PAGE_SIZE = 100;

const blank = { amountMinor: null, currency: null, detail: null, farpayId: null };

/** Each list's rule, as one condition for its count and its rows: they cannot disagree. */
function where(list: DbList, now: Date): SQL | undefined {
  const recent = new Date(now.getTime() - RECENT_DAYS * 86_400_000);
  switch (list) {
    case 'approvals':
      return eq(paymentApprovals.status, 'pending');
    case 'registrations':
      return or(
        and(eq(registrations.status, 'failed'), gte(registrations.updatedAt, recent)),
        and(eq(registrations.status, 'queued'), lt(registrations.createdAt, new Date(now.getTime() - STUCK_MS))),
      );
    case 'refunds':
      return eq(farpayRefunds.status, 'unknown');
    case 'mail':
      return and(eq(mailOutbox.status, 'failed'), gte(mailOutbox.updatedAt, recent));
  }
}

const TABLES = { approvals: paymentApprovals, registrations, refunds: farpayRefunds, mail: mailOutbox } as const;

/** How many rows a list of our own database has now. */
export async function countDbList(db: Db, list: DbList, now: Date): Promise<number> {
  const [row] = await db.select({ n: count() }).from(TABLES[list]).where(where(list, now));
  return row?.n ?? 0;
}

/** One page of a list of our own database, oldest first (what waits longest comes first). */
export async function readDbList(db: Db, list: DbList, now: Date, page: { offset: number; size: number }): Promise<AttentionRow[]> {
  const cond = where(list, now);
  const { offset, size } = page;
  switch (list) {
    case 'approvals': {
      const rows = await db
        .select()
        .from(paymentApprovals)
        .where(cond)
        .orderBy(asc(paymentApprovals.createdAt), asc(paymentApprovals.paymentIntentId))
        .limit(size)
        .offset(offset);
      return rows.map((r) => ({
        ...blank,
        at: r.createdAt,
        accountCode: r.accountCode,
        subject: r.paymentIntentId,
        amountMinor: r.amount,
        currency: r.currency.toUpperCase(),
      }));
    }
    case 'registrations': {
      const rows = await db.select().from(registrations).where(cond).orderBy(asc(registrations.createdAt), asc(registrations.id)).limit(size).offset(offset);
      return rows.map((r) => ({
        ...blank,
        at: r.createdAt,
        accountCode: r.accountCode,
        subject: [r.gateway, r.cardBrand, r.cardLast4 ? `•••• ${r.cardLast4}` : null].filter(Boolean).join(' '),
        detail: r.status === 'queued' ? `queued (${r.attempts} attempts)${r.lastError ? `: ${r.lastError}` : ''}` : (r.refusal ?? r.lastError ?? 'failed'),
      }));
    }
    case 'refunds': {
      const rows = await db.select().from(farpayRefunds).where(cond).orderBy(asc(farpayRefunds.createdAt), asc(farpayRefunds.id)).limit(size).offset(offset);
      return rows.map((r) => ({
        ...blank,
        at: r.createdAt,
        accountCode: null,
        subject: String(r.paymentId),
        amountMinor: r.amountMinor,
        currency: 'DKK',
        farpayId: r.paymentId,
        detail: r.farpayMessage,
      }));
    }
    case 'mail': {
      const rows = await db.select().from(mailOutbox).where(cond).orderBy(asc(mailOutbox.createdAt), asc(mailOutbox.id)).limit(size).offset(offset);
      return rows.map((r) => ({ ...blank, at: r.createdAt, accountCode: r.accountCode, subject: r.recipient, detail: r.lastError }));
    }
  }
}

/** The first day of the month after `now`'s (UTC), as year and month (1–12). */
export function nextMonthOf(now: Date): { year: number; month: number } {
  const m = now.getUTCMonth() + 1;
  return m === 12 ? { year: now.getUTCFullYear() + 1, month: 1 } : { year: now.getUTCFullYear(), month: m + 1 };
}

/** An active card that expires next month (UTC). */
export function expiresNextMonth(card: PaymentCard, now: Date): boolean {
  const { year, month } = nextMonthOf(now);
  return card.active && card.expYear === year && card.expMonth === month;
}

/**
 * Active cards that expire next month, by account code from `accounts` (keyed by lower-case uuid,
 * as the account index gives them): a card of an account it does not hold shows no account.
 */
export function expiringNextMonth(cards: PaymentCard[], accounts: ReadonlyMap<string, Pick<Account, 'code'>>, now: Date): AttentionRow[] {
  return cards
    .filter((c) => expiresNextMonth(c, now))
    .map((c) => ({
      ...blank,
      at: null,
      accountCode: accounts.get(c.accountUuid.toLowerCase())?.code ?? null,
      subject: `${c.brand} •••• ${c.last4}`,
      detail: `${String(c.expMonth).padStart(2, '0')}/${c.expYear}`,
    }))
    .sort((a, b) => (a.accountCode ?? '').localeCompare(b.accountCode ?? ''));
}
