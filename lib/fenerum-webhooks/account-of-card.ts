import { desc, eq } from 'drizzle-orm';
import { issuedLinks, registrations } from '@/lib/db/schema';
import { isFenerumError } from '@/lib/fenerum/errors';
import type { PaymentCard } from '@/lib/domain/cards';
import type { WebhookDeps } from './types';

export type CardOwner = { accountCode: string; card: PaymentCard | null };

/**
 * Whose card a card event is about, never from the payload alone: a card this portal
 * registered names its account; any other card is asked of Fenerum (its account uuid), and
 * the uuid is matched to an account we have issued links or cards for.
 */
export async function accountOfCard({ db, fenerum }: WebhookDeps, cardUuid: string): Promise<CardOwner | null> {
  const card = await fenerum.getPaymentCard(cardUuid).catch((err: unknown) => {
    if (isFenerumError(err) && err.isNotFound) return null;
    throw err;
  });
  const [ours] = await db.select({ code: registrations.accountCode }).from(registrations).where(eq(registrations.fenerumCardUuid, cardUuid)).limit(1);
  if (ours) return { accountCode: ours.code, card };
  if (!card) return null;
  const [reg] = await db.select({ code: registrations.accountCode }).from(registrations).where(eq(registrations.accountUuid, card.accountUuid)).limit(1);
  if (reg) return { accountCode: reg.code, card };
  const [link] = await db
    .select({ code: issuedLinks.accountCode })
    .from(issuedLinks)
    .where(eq(issuedLinks.accountUuid, card.accountUuid))
    .orderBy(desc(issuedLinks.createdAt))
    .limit(1);
  return link ? { accountCode: link.code, card } : null;
}
