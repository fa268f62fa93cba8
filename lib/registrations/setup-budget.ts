import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/connect';
import { cardSetupStarts } from '@/lib/db/schema';
import type { PortalGateway } from '@/lib/domain/cards';

export type SetupBudget = { perHour: number };
export type Reservation = { ok: true; id: number } | { ok: false; retryAfterSeconds: number };

/** Any fixed number: the advisory-lock namespace of the per-account cap. */
const CAP_LOCK_SPACE = 727_274_002;

/**
 * Takes one of the account's new card setups for this hour, before the provider is asked, so
 * concurrent requests (on any instance sharing the database) cannot all slip under the cap: the
 * count and the insert run under a per-account transaction lock. Refused, nothing is written.
 */
export async function reserveSetup(db: Db, accountCode: string, gateway: PortalGateway, budget: SetupBudget): Promise<Reservation> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${CAP_LOCK_SPACE}, hashtext(${accountCode}))`);
    const [used] = await tx
      .select({
        count: sql<number>`count(*)::int`,
        retryAfter: sql<number | null>`extract(epoch from (min(${cardSetupStarts.createdAt}) + interval '1 hour' - now()))::float8`,
      })
      .from(cardSetupStarts)
      .where(and(eq(cardSetupStarts.accountCode, accountCode), gt(cardSetupStarts.createdAt, sql`now() - interval '1 hour'`)));
    if ((used?.count ?? 0) >= budget.perHour) return { ok: false as const, retryAfterSeconds: Math.max(1, Math.ceil(used?.retryAfter ?? 3600)) };
    const [row] = await tx.insert(cardSetupStarts).values({ accountCode, gateway }).returning({ id: cardSetupStarts.id });
    if (!row) throw new Error('card_setup_starts insert returned nothing');
    return { ok: true as const, id: row.id };
  });
}

/** The provider never made the setup (it failed): the reservation is given back. */
export async function releaseSetup(db: Db, id: number): Promise<void> {
  await db.delete(cardSetupStarts).where(eq(cardSetupStarts.id, id));
}

/** Reservations older than a day count for nothing; the maintenance job removes them. */
export async function deleteOldSetupStarts(db: Db): Promise<number> {
  const gone = await db
    .delete(cardSetupStarts)
    .where(lt(cardSetupStarts.createdAt, sql`now() - interval '1 day'`))
    .returning({ id: cardSetupStarts.id });
  return gone.length;
}
