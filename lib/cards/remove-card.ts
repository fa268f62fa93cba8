import { z } from 'zod';
import { audit } from '@/lib/audit';
import type { CustomerSession } from '@/lib/auth/session-token';
import type { Db } from '@/lib/db/connect';
import type { PaymentCard } from '@/lib/domain/cards';
import { refused, type Refused } from '@/lib/domain/outcomes';
import type { FenerumClient } from '@/lib/fenerum/types';
import type { CardChange } from '@/lib/mail/card-notice';
import type { PortalCache } from './portal';
import { groupSameCards, removableCard, type CardGroup } from './same-card';

export type RemoveCardDeps = {
  db: Db;
  fenerum: Pick<FenerumClient, 'listPaymentCards' | 'disablePaymentCard'>;
  portalCache: Pick<PortalCache, 'forgetCards'>;
  /** The account's security notice (lib/mail/card-notice.ts); run after the answer, never failing the removal. */
  notifyCardChange: (change: CardChange) => void;
};

/** The form's one field: the Fenerum uuid of the card to remove. */
const removeInput = z.object({ card: z.uuid() });

export type Removed = { card: PaymentCard; copies: number };

/** Who Fenerum's audit trail (X-User) and ours say acted: the customer of this account, never a staff member. */
const customerActor = (accountCode: string) => `customer:${accountCode}`;

const interactive = { priority: 'interactive' } as const;

/** The session's account's active cards as Fenerum holds them now (never a cached list: a removal acts on what is true). */
async function activeCardsOf(deps: Pick<RemoveCardDeps, 'fenerum' | 'portalCache'>, session: Pick<CustomerSession, 'accountCode' | 'accountUuid'>) {
  deps.portalCache.forgetCards(session.accountUuid);
  const cards = await deps.fenerum.listPaymentCards({ code: session.accountCode, uuid: session.accountUuid }, interactive);
  return cards.filter((c) => c.active && c.accountUuid.toLowerCase() === session.accountUuid.toLowerCase());
}

/** The card the customer asked about, if it is one of the session's account's active cards (for the confirmation page). */
export async function cardToRemove(
  deps: Pick<RemoveCardDeps, 'fenerum' | 'portalCache'>,
  session: Pick<CustomerSession, 'accountCode' | 'accountUuid'>,
  uuid: string,
): Promise<{ group: CardGroup; last: boolean } | null> {
  if (!z.uuid().safeParse(uuid).success) return null;
  const active = await activeCardsOf(deps, session);
  const group = groupSameCards(active).find((g) => g.uuids.some((u) => u.toLowerCase() === uuid.toLowerCase()));
  if (!group) return null;
  return { group, last: !removableCard(active, uuid).ok };
}

/**
 * The customer removes one of their cards: Fenerum's disable (seeds/000: the card stays at the
 * gateway, Fenerum stops charging it), for every copy Fenerum holds of it. Only a card of the
 * session's account that is active now (another account's uuid, an unknown one or one already
 * removed is refused, nothing written), never the last active card. X-User and the audit log
 * (`card.removed_by_customer`) say the customer did it; the account's recipients get a security notice.
 */
export async function removeCard(deps: RemoveCardDeps, session: CustomerSession, form: unknown, ip: string | null): Promise<Removed | Refused> {
  const input = removeInput.safeParse(form);
  if (!input.success) return refused('invalid-input', 'notACardId');
  const active = await activeCardsOf(deps, session);
  const removable = removableCard(active, input.data.card);
  if (!removable.ok) return removable.why === 'last' ? refused('last-card', 'lastCard') : refused('not-found', 'noSuchCustomerCard');

  const { card, uuids } = removable.group;
  const actor = customerActor(session.accountCode);
  for (const uuid of uuids) await deps.fenerum.disablePaymentCard(uuid, { email: actor });
  deps.portalCache.forgetCards(session.accountUuid);
  await audit(deps.db, {
    actor,
    action: 'card.removed_by_customer',
    accountCode: session.accountCode,
    subject: card.uuid,
    details: { brand: card.brand, last4: card.last4, expMonth: card.expMonth, expYear: card.expYear, gateway: card.gateway, copies: uuids },
    ip,
  });
  deps.notifyCardChange({ accountCode: session.accountCode, change: 'removed', card, by: 'customer' });
  return { card: { ...card, active: false }, copies: uuids.length };
}
