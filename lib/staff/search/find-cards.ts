import type { Account } from '@/lib/domain/accounts';
import type { PaymentCard } from '@/lib/domain/cards';
import { isFenerumError } from '@/lib/fenerum/errors';
import type { FenerumClient } from '@/lib/fenerum/types';
import { indexedByUuid } from '@/lib/staff/accounts/account-index';
import { refreshOnMiss, type SearchRefreshDeps } from '@/lib/staff/accounts/search-refresh';
import { STAFF_READ, type StaffCache } from '@/lib/staff/accounts/staff-reads';
import { cardHref, type SearchGroup, type SearchHit } from './hits';

export type CardSearchDeps = SearchRefreshDeps & {
  fenerum: SearchRefreshDeps['fenerum'] & Pick<FenerumClient, 'listPaymentCardsPage' | 'getPaymentCard'>;
  staffCache: StaffCache;
};

const MAX_CARDS = 50;
/**
 * Pages of Fenerum's card list a search by last four reads (100 cards each), kept a minute.
 * Fenerum documents no filter by card number and no order for cards (only `?account=`), so the
 * only way to find a card by its last four is to read the list; at a merchant's size (10,000
 * accounts, ~150 pages) that is more than a search may spend, so it stops here (the README says so).
 */
const MAX_CARD_PAGES = 30;

/**
 * Cards by their last four (among the first 3,000 cards Fenerum lists, read once a minute) or one
 * card by its Fenerum uuid (kept a minute too; a 404 is "none"). A card's account comes from the
 * account index (no call); one the index does not hold yet has it refreshed, at most every 15 s.
 */
export async function findCards(deps: CardSearchDeps, text: string, by: 'last4' | 'uuid'): Promise<SearchGroup> {
  const listed = by === 'last4' ? await someCards(deps) : { cards: await oneCard(deps, text.toLowerCase()), complete: true };
  const cards = by === 'last4' ? listed.cards.filter((c) => c.last4 === text) : listed.cards;
  if (cards.length === 0) return { kind: 'card', hits: [], truncated: false };
  const byUuid = await accountsOf(deps, cards);
  const hits = cards
    .map((card) => toHit(card, byUuid.get(card.accountUuid.toLowerCase()), by === 'uuid'))
    .filter((h): h is SearchHit => h !== null)
    .sort((a, b) => (a.kind === 'card' && b.kind === 'card' ? a.accountName.localeCompare(b.accountName) : 0));
  return { kind: 'card', hits: hits.slice(0, MAX_CARDS), truncated: hits.length > MAX_CARDS };
}

/** How soon the index is refreshed again for a card whose account it does not hold. */
const REFRESH_AFTER_MS = 15_000;

/**
 * The cards' accounts from the index. A card on an account made since the index was refreshed
 * has it refreshed (what changed in Fenerum), at most every 15 seconds, so an account gone from
 * Fenerum cannot make every search cost a call.
 */
async function accountsOf(deps: CardSearchDeps, cards: readonly PaymentCard[], now = Date.now()): Promise<Map<string, Account>> {
  const uuids = [...new Set(cards.map((c) => c.accountUuid.toLowerCase()))];
  const byUuid = await indexedByUuid(deps.db, uuids);
  const gate = deps.staffCache.unknownAccountRefresh;
  if (uuids.every((u) => byUuid.has(u)) || now - gate.at < REFRESH_AFTER_MS) return byUuid;
  gate.at = now;
  return (await refreshOnMiss(deps)) ? indexedByUuid(deps.db, uuids) : byUuid;
}

const someCards = (deps: CardSearchDeps) =>
  deps.staffCache.cardList.get('all', async () => {
    const cards: PaymentCard[] = [];
    for (let page = 1; page <= MAX_CARD_PAGES; page++) {
      const found = await deps.fenerum.listPaymentCardsPage(page, STAFF_READ);
      cards.push(...found.items);
      if (!found.hasNext) return { cards, complete: true };
    }
    return { cards, complete: false };
  });

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

/** A card whose account is not indexed (deleted, or made a moment ago and not listed yet) has no page to open: left out. */
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
