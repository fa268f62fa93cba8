import { and, desc, eq, notExists, sql } from 'drizzle-orm';
import { audit } from '@/lib/audit';
import type { Db } from '@/lib/db/connect';
import { auditLog, paymentApprovals } from '@/lib/db/schema';
import type { UnattributedReason } from './attribute-payment';
import type { StripeCardFacts } from '@/lib/approvals/match-card';

const UNATTRIBUTED = 'payment.unattributed';

export type UnattributedPayment = {
  at: Date;
  event: string;
  paymentIntentId: string | null;
  reason: UnattributedReason | 'no-payment-intent';
  amount: number | null;
  currency: string | null;
  card: StripeCardFacts | null;
  stripeCustomer: string | null;
};

/**
 * A payment event no account could be found for goes on the audit log once per PaymentIntent
 * (a repeat or a retry adds nothing), with what Stripe said of it, so staff see it; never dropped.
 */
export async function recordUnattributed(db: Db, input: Omit<UnattributedPayment, 'at'>): Promise<boolean> {
  if (input.paymentIntentId) {
    const [seen] = await db
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(and(eq(auditLog.actor, 'fenerum'), eq(auditLog.action, UNATTRIBUTED), eq(auditLog.subject, input.paymentIntentId)))
      .limit(1);
    if (seen) return false;
  }
  const { paymentIntentId, ...details } = input;
  await audit(db, { actor: 'fenerum', action: UNATTRIBUTED, subject: paymentIntentId ?? undefined, details });
  return true;
}

/** The newest payments no account could be found for, less those an approval was made for since (staff). */
export async function listUnattributed(db: Db, limit = 50): Promise<UnattributedPayment[]> {
  const rows = await db
    .select({ at: auditLog.at, subject: auditLog.subject, details: auditLog.details })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.actor, 'fenerum'),
        eq(auditLog.action, UNATTRIBUTED),
        notExists(
          db
            .select({ one: sql`1` })
            .from(paymentApprovals)
            .where(eq(paymentApprovals.paymentIntentId, auditLog.subject)),
        ),
      ),
    )
    .orderBy(desc(auditLog.at))
    .limit(limit);
  return rows.map(({ at, subject, details }) => {
    const d = details as Partial<Omit<UnattributedPayment, 'at' | 'paymentIntentId'>>;
    return {
      at,
      paymentIntentId: subject,
      event: typeof d.event === 'string' ? d.event : 'payment',
      reason: d.reason ?? 'no-matching-card',
      amount: typeof d.amount === 'number' ? d.amount : null,
      currency: typeof d.currency === 'string' ? d.currency : null,
      card: d.card ?? null,
      stripeCustomer: typeof d.stripeCustomer === 'string' ? d.stripeCustomer : null,
    };
  });
}
