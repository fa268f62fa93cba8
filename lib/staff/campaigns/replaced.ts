import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/lib/db/connect';
import { registrations } from '@/lib/db/schema';

type SendRef = { id: string; accountCode: string; since: Date };

/** The sends whose account has registered a card through the portal since the send (any link: the customer may have come another way). */
export async function replacedSince(db: Pick<Db, 'select'>, sends: readonly SendRef[]): Promise<Set<string>> {
  if (sends.length === 0) return new Set();
  const codes = [...new Set(sends.map((s) => s.accountCode))];
  const rows = await db
    .select({ accountCode: registrations.accountCode, at: registrations.updatedAt })
    .from(registrations)
    .where(and(inArray(registrations.accountCode, codes), eq(registrations.status, 'registered')));
  return new Set(sends.filter((s) => rows.some((r) => r.accountCode === s.accountCode && r.at > s.since)).map((s) => s.id));
}
