import type { PaymentCard } from '@/lib/domain/cards';

/**
 * One card as the customer sees it: Fenerum may hold the same card more than once (added twice,
 * e.g. "pay with another card" with the card already saved). Same gateway, brand, last four and
 * expiry is the same card: listed once, with how many copies Fenerum holds.
 */
export type CardGroup = {
  /** The first copy (the list's order). */
  card: PaymentCard;
  /** Every copy's Fenerum uuid: removing the card disables each. */
  uuids: string[];
  /** Whether Fenerum says it charges this card (any copy); undefined when Fenerum does not say. */
  charged: boolean | undefined;
};

const sameCardKey = (c: PaymentCard) => [c.gateway, c.brand.trim().toLowerCase(), c.last4, c.expMonth, c.expYear].join('\n');

/** The cards, each one once, in the order of their first copy. */
export function groupSameCards(cards: readonly PaymentCard[]): CardGroup[] {
  const groups = new Map<string, CardGroup>();
  for (const card of cards) {
    const key = sameCardKey(card);
    const group = groups.get(key);
    if (group) {
      group.uuids.push(card.uuid);
      group.charged = mergeCharged(group.charged, card.charged);
    } else {
      groups.set(key, { card, uuids: [card.uuid], charged: card.charged });
    }
  }
  return [...groups.values()];
}

/** A card is charged when Fenerum says so of any copy; not charged when it says no of every copy; else unknown. */
function mergeCharged(a: boolean | undefined, b: boolean | undefined): boolean | undefined {
  if (a === true || b === true) return true;
  if (a === false && b === false) return false;
  return undefined;
}

/** Whether the customer may remove this card: never the last active one (copies of it count as one). */
export type Removable = { ok: true; group: CardGroup } | { ok: false; why: 'unknown' | 'last' };

/** Of the account's ACTIVE cards, the one holding `uuid`, if removing it leaves another card active. */
export function removableCard(active: readonly PaymentCard[], uuid: string): Removable {
  const groups = groupSameCards(active);
  const wanted = uuid.toLowerCase();
  const group = groups.find((g) => g.uuids.some((u) => u.toLowerCase() === wanted));
  if (!group) return { ok: false, why: 'unknown' };
  if (groups.length < 2) return { ok: false, why: 'last' };
  return { ok: true, group };
}

/** The card Fenerum says it charges, when it says so of exactly one; else null (the portal then claims none). */
export function chargedCard(groups: readonly CardGroup[]): CardGroup | null {
  const charged = groups.filter((g) => g.charged === true);
  return charged.length === 1 ? (charged[0] ?? null) : null;
}
