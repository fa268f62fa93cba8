import type { PaymentCard } from '@/lib/domain/cards';

/**
 * How long a card this portal registered is listed from our own record when Fenerum's list does
 * not have it yet: longer than the portal's card-list cache (30 s, and another instance's cache
 * that this one cannot clear), short enough that Fenerum's own word soon stands alone.
 */
export const JUST_REGISTERED_MS = 10 * 60_000;

/**
 * The account's cards as the customer may be told about them: Fenerum's list, plus each card we
 * registered a moment ago that the list does not hold at all (a list read, or cached, just before
 * Fenerum took the card). So a customer told "Card saved" always finds the card in the list. A
 * card the list holds, active or not, is Fenerum's to describe: one disabled since stays away.
 */
export function withJustRegistered(cards: PaymentCard[], just: Array<Omit<PaymentCard, 'active' | 'accountUuid'>>, accountUuid: string): PaymentCard[] {
  const listed = new Set(cards.map((c) => c.uuid));
  const missing = just.filter((j) => !listed.has(j.uuid)).map((j): PaymentCard => ({ ...j, accountUuid, active: true }));
  return [...cards, ...missing];
}
