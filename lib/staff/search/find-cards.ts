import type { Account } from '@/lib/domain/accounts';
import type { PaymentCard } from '@/lib/domain/cards';
import { isFenerumError } from '@/lib/fenerum/errors';
import type { FenerumClient } from '@/lib/fenerum/types';
import { STAFF_READ, type StaffCache } from '@/lib/staff/accounts/staff-reads';
import { cardHref, type SearchGroup, type SearchHit } from './hits';

export type CardSearchDeps = {
  fenerum: Pick<FenerumClient, 'listAccounts' | 'listAllPaymentCards' | 'getPaymentCard'>;
  staffCache: StaffCache;
};

const MAX_CARDS = 50;

/**
 * Cards by their last four (among every card Fenerum holds, read whole and kept a minute, as the
 * account list is) or one card by its Fenerum uuid (kept a minute too; a 404 is "none"). A card's
 * account is found in the cached account list (read again early, at most every 15 s, when it lacks
 * a new account). A minute of searching costs Fenerum a few reads of each list at most.
 */
export async function findCards(deps: CardSearchDeps, text: string, by: 'last4' | 'uuid'): Promise<SearchGroup> {
  const cards = by === 'last4' ? (await allCards(deps)).filter((c) => c.last4 === text) : await oneCard(deps, text.toLowerCase());
  if (cards.length === 0) return { kind: 'card', hits: [], truncated: false };
  const byUuid = await accountsByUuid(deps, cards);
  const hits = cards
    .map((card) => toHit(card, byUuid.get(card.accountUuid.toLowerCase()), by === 'uuid'))
    .filter((h): h is SearchHit => h !== null)
    .sort((a, b) => (a.kind === 'card' && b.kind === 'card' ? a.accountName.localeCompare(b.accountName) : 0));
  return { kind: 'card', hits: hits.slice(0, MAX_CARDS), truncated: hits.length > MAX_CARDS };
}

/** How soon the account list may be read again for a card whose account it does not hold yet. */
const REREAD_AFTER_MS = 15_000;

/**
 * The cached account list by uuid. A card on an account made since the list was read (not in it)
 * has the list read again, at most every 15 seconds, so an account gone from Fenerum cannot make
 * every search cost a read.
 */
async function accountsByUuid(deps: CardSearchDeps, cards: readonly PaymentCard[], now = Date.now()): Promise<Map<string, Account>> {
  const { staffCache: cache } = deps;
  const read = async () => new Map((await cache.accountList.get('all', () => deps.fenerum.listAccounts(STAFF_READ))).map((a) => [a.uuid.toLowerCase(), a]));
  const byUuid = await read();
  if (cards.every((c) => byUuid.has(c.accountUuid.toLowerCase())) || now - cache.accountListReread.at < REREAD_AFTER_MS) return byUuid;
  cache.accountListReread.at = now;
  cache.accountList.delete('all');
  return read();
}

const allCards = (deps: CardSearchDeps) => deps.staffCache.cardList.get('all', () => deps.fenerum.listAllPaymentCards(STAFF_READ));

async function oneCard(deps: CardSearchDeps, uuid: string): Promise<PaymentCard[]> {
  const card = await deps.staffCache.cardByUuid.get(uuid, async () => {
    try {
      return await deps.fenerum.getPaymentCard(uuid, STAFF_READ);
    } catch (err) {
      if (isFenerumError(err) && err.isNotFound) return null;
      throw err;
    }
  });
  return card ? [card] : [];
}

/** A card whose account is not in Fenerum's list (deleted, or listed a moment later) has no page to open: left out. */
function toHit(card: PaymentCard, account: Account | undefined, exact: boolean): SearchHit | null {
  if (!account) return null;
  return {
    kind: 'card',
    href: cardHref(account.code, card.uuid),
    exact,
    uuid: card.uuid,
    brand: card.brand,
    last4: card.last4,
    active: card.active,
    accountCode: account.code,
    accountName: account.name,
  };
}
