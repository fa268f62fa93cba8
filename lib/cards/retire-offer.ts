import { and, desc, eq, gt, inArray } from 'drizzle-orm';
import type Stripe from 'stripe';
import { matchingCards } from '@/lib/approvals/match-card';
import type { CustomerSession } from '@/lib/auth/session-token';
import type { Db } from '@/lib/db/connect';
import { registrations } from '@/lib/db/schema';
import type { CardSummary, PaymentCard } from '@/lib/domain/cards';
import type { CardGroup } from './same-card';

/** How long after a card is added the portal offers to retire the card it replaces. */
const JUST_ADDED_MS = 30 * 60_000;

/** The card just added to the account (queued for Fenerum or registered), if one was in the last half hour. */
export type JustAdded = CardSummary & { fenerumCardUuid: string | null };

/**
 * What the portal offers after a card was added: the card just added, and the older cards it may
 * replace (every other active card); after "pay with another card" on the approval page, the
 * card the bank refused, alone. Null when nothing was added lately and no refused card is named.
 */
export type RetireOffer = { added: JustAdded | null; refused: CardGroup | null; older: CardGroup[] };

const PM_ID = /^pm_[A-Za-z0-9_]{1,255}$/;

export async function retireOffer(
  deps: { stripe: Stripe },
  groups: readonly CardGroup[],
  added: JustAdded | null,
  refusedPaymentMethod: string | undefined,
): Promise<RetireOffer | null> {
  const refused = await refusedCard(deps.stripe, groups, refusedPaymentMethod);
  if (!added && !refused) return null;
  const isAdded = (g: CardGroup) => added !== null && (g.uuids.includes(added.fenerumCardUuid ?? '') || sameAs(g.card, added));
  const older = groups.filter((g) => !isAdded(g));
  // Never offer to retire the only card: with nothing else active there is nothing to replace.
  if (groups.length < 2) return null;
  return { added, refused: refused && !isAdded(refused) ? refused : null, older: refused ? [] : older };
}

const sameAs = (card: PaymentCard, summary: CardSummary) =>
  card.last4 === summary.last4 &&
  card.expMonth === summary.expMonth &&
  card.expYear === summary.expYear &&
  card.brand.toLowerCase() === summary.brand.toLowerCase();

/** The card added to the account lately (one small query: the portal page reads it beside Fenerum's cards). */
export async function justAdded(db: Db, session: Pick<CustomerSession, 'accountCode'>, now: Date): Promise<JustAdded | null> {
  const accountCode = session.accountCode;
  const [row] = await db
    .select({
      brand: registrations.cardBrand,
      last4: registrations.cardLast4,
      expMonth: registrations.cardExpMonth,
      expYear: registrations.cardExpYear,
      fenerumCardUuid: registrations.fenerumCardUuid,
    })
    .from(registrations)
    .where(
      and(
        eq(registrations.accountCode, accountCode),
        inArray(registrations.status, ['queued', 'registered']),
        gt(registrations.updatedAt, new Date(now.getTime() - JUST_ADDED_MS)),
      ),
    )
    .orderBy(desc(registrations.updatedAt))
    .limit(1);
  if (!row?.last4) return null;
  return { brand: row.brand ?? '', last4: row.last4, expMonth: row.expMonth ?? 0, expYear: row.expYear ?? 0, fenerumCardUuid: row.fenerumCardUuid };
}

/** The account's active card that is the Stripe card the bank refused (the approval page names its PaymentMethod), if it is one. */
async function refusedCard(stripe: Stripe, groups: readonly CardGroup[], paymentMethod: string | undefined): Promise<CardGroup | null> {
  if (!paymentMethod || !PM_ID.test(paymentMethod)) return null;
  const pm = await stripe.paymentMethods.retrieve(paymentMethod).catch(() => null);
  if (!pm?.card) return null;
  const facts = { brand: pm.card.brand, last4: pm.card.last4, expMonth: pm.card.exp_month, expYear: pm.card.exp_year };
  // Only among the session's account's active cards: another account's card can never be named here.
  return groups.find((g) => matchingCards(facts, [g.card]).length > 0) ?? null;
}
