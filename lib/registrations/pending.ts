import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '@/lib/db/connect';
import { registrations } from '@/lib/db/schema';
import type { CardSummary } from './store';

/** Cards the provider confirmed that Fenerum does not have yet: shown as "being saved". */
export async function pendingCards(db: Db, accountCode: string): Promise<Array<CardSummary & { id: string }>> {
  const rows = await db
    .select()
    .from(registrations)
    .where(and(eq(registrations.accountCode, accountCode), eq(registrations.status, 'queued')))
    .orderBy(desc(registrations.createdAt))
    .limit(20);
  return rows.map((r) => ({ id: r.id, brand: r.cardBrand ?? 'Card', last4: r.cardLast4 ?? '', expMonth: r.cardExpMonth ?? 0, expYear: r.cardExpYear ?? 0 }));
}
