import type { PaymentCard } from '@/lib/domain/cards';
import { log } from '@/lib/log';

/**
 * Only the cards of this account. Fenerum filters `?account=` by code as documented, but should
 * it ever ignore or misread the filter, another customer's card must never be shown or adopted:
 * every card carries its account's uuid, so anything else is dropped and logged (ids only,
 * never a card number).
 */
export function keepAccountCards(cards: PaymentCard[], account: { code: string; uuid: string }): PaymentCard[] {
  const uuid = account.uuid.toLowerCase();
  const kept = cards.filter((c) => c.accountUuid.toLowerCase() === uuid);
  const dropped = cards.filter((c) => c.accountUuid.toLowerCase() !== uuid);
  if (dropped.length > 0) {
    log.warn(
      { account: account.code, dropped: dropped.slice(0, 20).map((c) => ({ card: c.uuid, account: c.accountUuid })) },
      `fenerum: the card list for an account held ${dropped.length} card(s) of other accounts; dropped (is the account filter ignored?)`,
    );
  }
  return kept;
}
