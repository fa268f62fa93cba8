import { and, asc, eq, gte, lt, or, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/connect';
import { auditLog } from '@/lib/db/schema';

/** A Fenerum payment.declined as the webhook's handling left it: attributed (an account) or not (null). */
export type DeclinedPayment = {
  paymentIntentId: string;
  at: Date;
  accountCode: string | null;
  amountMinor: number | null;
  currency: string | null;
  /** Stripe's decline code or error code, when it gave one. */
  reason: string | null;
};

const num = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) ? v : null);
const str = (v: unknown) => (typeof v === 'string' && v ? v : null);

/**
 * Fenerum's declined payments of a period (days, inclusive, UTC), newest first, one per
 * PaymentIntent. The account was found when the webhook was handled, from Stripe's PaymentIntent
 * and Fenerum's cards (lib/fenerum-webhooks/attribute-payment.ts), never from the payload, and
 * kept on the audit log: `payment.declined` with the account, or `payment.unattributed` (event
 * payment.declined) without one. So this reads our own database only.
 */
export async function fenerumDeclinedOf(db: Db, period: { from: string; to: string }): Promise<DeclinedPayment[]> {
  const start = new Date(`${period.from}T00:00:00Z`);
  const end = new Date(Date.parse(`${period.to}T00:00:00Z`) + 86_400_000);
  const rows = await db
    .select({ at: auditLog.at, action: auditLog.action, accountCode: auditLog.accountCode, subject: auditLog.subject, details: auditLog.details })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.actor, 'fenerum'),
        or(eq(auditLog.action, 'payment.declined'), and(eq(auditLog.action, 'payment.unattributed'), sql`${auditLog.details}->>'event' = 'payment.declined'`)),
        gte(auditLog.at, start),
        lt(auditLog.at, end),
      ),
    )
    .orderBy(asc(auditLog.at));
  const byIntent = new Map<string, DeclinedPayment>();
  for (const r of rows) {
    if (!r.subject) continue;
    const d = (r.details ?? {}) as Record<string, unknown>;
    const seen = byIntent.get(r.subject);
    // The first time it was seen is its time; an attribution found later (a retry) wins.
    byIntent.set(r.subject, {
      paymentIntentId: r.subject,
      at: seen?.at ?? r.at,
      accountCode: r.action === 'payment.declined' ? r.accountCode : (seen?.accountCode ?? null),
      amountMinor: num(d.amount) ?? seen?.amountMinor ?? null,
      currency: str(d.currency)?.toUpperCase() ?? seen?.currency ?? null,
      reason: str(d.declineCode) ?? str(d.code) ?? seen?.reason ?? null,
    });
  }
  return [...byIntent.values()].reverse();
}

/** One declined payment by its PaymentIntent id, whenever it came; null when Fenerum never sent one. */
export async function fenerumDeclinedById(db: Db, paymentIntentId: string): Promise<DeclinedPayment | null> {
  const [row] = await db
    .select({ at: auditLog.at })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.actor, 'fenerum'),
        eq(auditLog.subject, paymentIntentId),
        or(eq(auditLog.action, 'payment.declined'), and(eq(auditLog.action, 'payment.unattributed'), sql`${auditLog.details}->>'event' = 'payment.declined'`)),
      ),
    )
    .orderBy(asc(auditLog.at))
    .limit(1);
  if (!row) return null;
  const day = row.at.toISOString().slice(0, 10);
  return (await fenerumDeclinedOf(db, { from: day, to: day })).find((p) => p.paymentIntentId === paymentIntentId) ?? null;
}
