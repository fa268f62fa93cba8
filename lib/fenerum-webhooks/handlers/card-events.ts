import { audit } from '@/lib/audit';
import { notifyCardExpiring } from '@/lib/approvals/notify';
import { expiringCardNotices } from '@/lib/db/schema';
import { accountOfCard } from '../account-of-card';
import { cardUuidOf } from '../parse';
import type { Handler } from '../types';

const monthOf = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;

/** payment_card.activated / .deactivated: on the account's timeline. */
export const onCardStatus: Handler = async (deps, data, event) => {
  const uuid = cardUuidOf(data);
  if (!uuid) return { status: 'ignored', note: 'no card uuid in the webhook' };
  const owner = await accountOfCard(deps, uuid);
  if (!owner) return { status: 'ignored', subject: uuid, note: 'a card of no account this portal knows' };
  const card = owner.card ? { brand: owner.card.brand, last4: owner.card.last4, active: owner.card.active } : {};
  await audit(deps.db, { actor: 'fenerum', action: event, accountCode: owner.accountCode, subject: uuid, details: card });
  return { status: 'handled', accountCode: owner.accountCode, subject: uuid };
};

/**
 * card_expires_this_month: on the timeline, a banner in the portal for this month, and an
 * email, once per card and month however often the webhook comes.
 */
export const onCardExpiring: Handler = async (deps, data, event) => {
  const uuid = cardUuidOf(data);
  if (!uuid) return { status: 'ignored', note: 'no card uuid in the webhook' };
  const owner = await accountOfCard(deps, uuid);
  if (!owner) return { status: 'ignored', subject: uuid, note: 'a card of no account this portal knows' };
  const now = (deps.now ?? (() => new Date()))();
  // The event itself says "this month": the month it arrived (the card's own expiry may be told in another form).
  const month = monthOf(now.getUTCFullYear(), now.getUTCMonth() + 1);
  const [made] = await deps.db
    .insert(expiringCardNotices)
    .values({ accountCode: owner.accountCode, cardUuid: uuid, month, cardBrand: owner.card?.brand, cardLast4: owner.card?.last4 })
    .onConflictDoNothing()
    .returning({ month: expiringCardNotices.month });
  if (made) {
    const details = owner.card ? { brand: owner.card.brand, last4: owner.card.last4, month } : { month };
    await audit(deps.db, { actor: 'fenerum', action: event, accountCode: owner.accountCode, subject: uuid, details });
  }
  // Asked on a repeat too (a first try may have failed before the email was queued): the outbox sends it once.
  const c = owner.card;
  if (c)
    await notifyCardExpiring(deps.mail, {
      accountCode: owner.accountCode,
      cardUuid: uuid,
      month,
      card: { brand: c.brand, last4: c.last4, expMonth: c.expMonth, expYear: c.expYear },
    });
  return { status: 'handled', accountCode: owner.accountCode, subject: uuid, note: made ? undefined : 'repeat: already noted' };
};
