import { audit } from '@/lib/audit';
import type { PortalCache } from '@/lib/cards/portal';
import type { Db } from '@/lib/db/connect';
import { isRefused, refused, type Refused } from '@/lib/domain/outcomes';
import { isFenerumError } from '@/lib/fenerum/errors';
import type { Actor, FenerumClient, PaymentCard } from '@/lib/fenerum/types';
import { findAccount } from './load-account';
import { isCardUuid, STAFF_READ } from './staff-reads';

export const MAX_REASON_LENGTH = 500;

export type DisableDeps = {
  db: Db;
  fenerum: Pick<FenerumClient, 'getAccount' | 'getPaymentCard' | 'disablePaymentCard'>;
  portalCache: Pick<PortalCache, 'accounts' | 'forgetCards'>;
};
export type DisableInput = { accountCode: string; cardUuid: string; reason?: string; actor: Actor; ip?: string | null };
export type Disabled = { card: PaymentCard; changed: boolean };

/**
 * Stops Fenerum charging one card of this account (seeds/000: the card stays at the gateway).
 * The card is read back from Fenerum first: a card of another account is refused and nothing is
 * sent. The staff member's email goes to Fenerum as X-User; the audit log names card, reason,
 * actor and address; the portal's cached card list is dropped so every page shows the change.
 */
export async function disableCard(deps: DisableDeps, input: DisableInput): Promise<Disabled | Refused> {
  if (!isCardUuid(input.cardUuid)) return refused('invalid-input', 'That is not a card id');
  const reason = input.reason?.trim() ?? '';
  if (reason.length > MAX_REASON_LENGTH) return refused('invalid-input', `Keep the reason under ${MAX_REASON_LENGTH} characters`);
  const account = await findAccount(deps, input.accountCode);
  if (isRefused(account)) return account;

  const card = await readCard(deps, input.cardUuid);
  if (!card) return refused('not-found', 'Fenerum has no such card');
  if (card.accountUuid.toLowerCase() !== account.uuid.toLowerCase()) {
    return refused('other-account', 'That card belongs to another account; nothing was disabled');
  }
  deps.portalCache.forgetCards(account.uuid);
  if (!card.active) return { card, changed: false };

  const disabled = await deps.fenerum.disablePaymentCard(card.uuid, input.actor);
  deps.portalCache.forgetCards(account.uuid);
  await audit(deps.db, {
    actor: input.actor.email,
    action: 'card.disabled',
    accountCode: account.code,
    subject: card.uuid,
    details: { brand: card.brand, last4: card.last4, expMonth: card.expMonth, expYear: card.expYear, gateway: card.gateway, reason: reason || null },
    ip: input.ip,
  });
  return { card: { ...disabled, active: false }, changed: true };
}

async function readCard(deps: Pick<DisableDeps, 'fenerum'>, uuid: string): Promise<PaymentCard | null> {
  try {
    return await deps.fenerum.getPaymentCard(uuid, STAFF_READ);
  } catch (err) {
    if (isFenerumError(err) && err.isNotFound) return null;
    throw err;
  }
}
