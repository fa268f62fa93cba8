import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/connect';
import { expiringCardNotices, registrations } from '@/lib/db/schema';
import { pendingApprovals, type Approval } from './store';

export type ExpiringNotice = { cardUuid: string; brand: string | null; last4: string | null };
export type PortalNotices = { approvals: Approval[]; expiring: ExpiringNotice[] };

const monthOf = (d: Date) => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;

/**
 * What the portal shows above the cards: each payment waiting for the customer, and each card
 * Fenerum said expires this month, until a card is added after that notice.
 */
export async function portalNotices(db: Db, accountCode: string, now: Date): Promise<PortalNotices> {
  const [approvals, notices] = await Promise.all([
    pendingApprovals(db, accountCode),
    db
      .select()
      .from(expiringCardNotices)
      .where(and(eq(expiringCardNotices.accountCode, accountCode), eq(expiringCardNotices.month, monthOf(now)))),
  ]);
  const expiring: ExpiringNotice[] = [];
  for (const n of notices) {
    const [newer] = await db
      .select({ id: registrations.id })
      .from(registrations)
      .where(
        and(
          eq(registrations.accountCode, accountCode),
          eq(registrations.status, 'registered'),
          gt(registrations.updatedAt, sql`${n.createdAt.toISOString()}::timestamptz`),
        ),
      )
      .limit(1);
    if (!newer) expiring.push({ cardUuid: n.cardUuid, brand: n.cardBrand, last4: n.cardLast4 });
  }
  return { approvals, expiring };
}
