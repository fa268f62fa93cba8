import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/connect';
import { registrations } from '@/lib/db/schema';
import type { CardSummary } from '@/lib/domain/cards';
import type { Registration } from './store';

/** A card brought over by an import (issue 27): verified at its provider already, so queued at once. */
export type ImportedCard = { accountCode: string; accountUuid: string; gateway: Registration['gateway']; token: string; card: CardSummary | null };

/**
 * Queues imported cards as registrations (origin 'import': tried in Fenerum's bulk lane), the
 * token as the provider id. A card we already hold (a registration with that gateway and token:
 * an earlier import, or the customer's own QuickPay subscription) is not made again: each card
 * comes back with the id of the registration that holds it and whether it was made now.
 */
export async function queueImportedCards(
  db: Pick<Db, 'insert' | 'select'>,
  cards: readonly ImportedCard[],
): Promise<Array<{ id: string; accountCode: string; madeNow: boolean }>> {
  if (cards.length === 0) return [];
  const made = await db
    .insert(registrations)
    .values(
      cards.map((c) => ({
        id: crypto.randomUUID(),
        gateway: c.gateway,
        providerRef: c.token,
        accountCode: c.accountCode,
        accountUuid: c.accountUuid,
        token: c.token,
        status: 'queued' as const,
        origin: 'import' as const,
        cardBrand: c.card?.brand,
        cardLast4: c.card?.last4,
        cardExpMonth: c.card?.expMonth,
        cardExpYear: c.card?.expYear,
        nextAttemptAt: sql`now()`,
      })),
    )
    .onConflictDoNothing({ target: [registrations.gateway, registrations.providerRef] })
    .returning({ id: registrations.id, gateway: registrations.gateway, providerRef: registrations.providerRef, accountCode: registrations.accountCode });
  const key = (gateway: string, ref: string) => `${gateway}\u0000${ref}`;
  const byCard = new Map(made.map((r) => [key(r.gateway, r.providerRef), { id: r.id, accountCode: r.accountCode, madeNow: true }]));
  const missing = cards.filter((c) => !byCard.has(key(c.gateway, c.token)));
  for (const gateway of new Set(missing.map((c) => c.gateway))) {
    const held = await db
      .select({ id: registrations.id, providerRef: registrations.providerRef, accountCode: registrations.accountCode })
      .from(registrations)
      .where(
        and(
          eq(registrations.gateway, gateway),
          inArray(
            registrations.providerRef,
            missing.filter((c) => c.gateway === gateway).map((c) => c.token),
          ),
        ),
      );
    for (const r of held) byCard.set(key(gateway, r.providerRef), { id: r.id, accountCode: r.accountCode, madeNow: false });
  }
  return cards.map((c) => {
    const found = byCard.get(key(c.gateway, c.token));
    if (!found) throw new Error(`queueImportedCards: no registration for ${c.gateway} ${c.token}`);
    return found;
  });
}

/** The registrations of `ids` as an import's progress reads them. */
export async function registrationStates(
  db: Db,
  ids: readonly string[],
): Promise<Array<Pick<Registration, 'id' | 'status' | 'refusal' | 'lastError' | 'updatedAt'>>> {
  const out: Array<Pick<Registration, 'id' | 'status' | 'refusal' | 'lastError' | 'updatedAt'>> = [];
  for (let i = 0; i < ids.length; i += 1000) {
    out.push(
      ...(await db
        .select({
          id: registrations.id,
          status: registrations.status,
          refusal: registrations.refusal,
          lastError: registrations.lastError,
          updatedAt: registrations.updatedAt,
        })
        .from(registrations)
        .where(inArray(registrations.id, ids.slice(i, i + 1000)))),
    );
  }
  return out;
}
