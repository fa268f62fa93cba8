import type { PortalCache } from '@/lib/cards/portal';
import type { Db } from '@/lib/db/connect';
import { isRefused, refused, type Refused } from '@/lib/domain/outcomes';
import { unstorableText } from '@/lib/domain/storable';
import { isFenerumError } from '@/lib/fenerum/errors';
import type { Actor, FenerumClient } from '@/lib/fenerum/types';
import type { PaymentCard } from '@/lib/domain/cards';
import type { CardChange } from '@/lib/mail/card-notice';
import { cardDetails, completeDisable, openDisableRequests, recordDisableRequest } from './disable-intents';
import { findAccount } from './load-account';
import { isCardUuid, STAFF_READ } from './staff-reads';
import { log } from '@/lib/log';

export const MAX_REASON_LENGTH = 500;

export type DisableDeps = {
  db: Db;
  fenerum: Pick<FenerumClient, 'getAccount' | 'getPaymentCard' | 'disablePaymentCard'>;
  portalCache: Pick<PortalCache, 'accounts' | 'forgetCards'>;
  /** The account's recipients hear of it (a security notice, lib/mail/card-notice.ts). */
  notifyCardChange: (change: CardChange) => void;
};
export type DisableInput = { accountCode: string; cardUuid: string; reason?: string; actor: Actor; ip?: string | null };
export type Disabled = { card: PaymentCard; changed: boolean };

/**
 * Stops Fenerum charging one card of this account (seeds/000: the card stays at the gateway).
 * The card is read back from Fenerum first: a card of another account is refused and nothing is
 * sent. The staff member's email goes to Fenerum as X-User; the audit log names card, reason,
 * actor and address; the portal's cached card list is dropped so every page shows the change;
 * the account's recipients get a security notice.
 *
 * The action and its audit rows succeed or fail together (disable-intents.ts): the reason is
 * checked first (text the audit log cannot store is refused before Fenerum hears of it), then
 * `card.disable_requested` is written, then Fenerum is asked, then `card.disabled` is written. A
 * last write that fails leaves the request open; a retry here (the card is then inactive) or the
 * maintenance job completes it.
 */
export async function disableCard(deps: DisableDeps, input: DisableInput): Promise<Disabled | Refused> {
  if (!isCardUuid(input.cardUuid)) return refused('invalid-input', 'notACardId');
  const reason = input.reason?.trim() ?? '';
  if (reason.length > MAX_REASON_LENGTH) return refused('invalid-input', 'reasonTooLong', { max: String(MAX_REASON_LENGTH) });
  const odd = unstorableText(reason) ?? unstorableText(input.actor.email);
  if (odd) return refused('invalid-input', odd === 'nul' ? 'reasonNul' : 'reasonLoneSurrogate');
  const account = await findAccount(deps, input.accountCode);
  if (isRefused(account)) return account;

  const card = await readCard(deps, input.cardUuid);
  if (!card) return refused('not-found', 'noSuchFenerumCard');
  if (card.accountUuid.toLowerCase() !== account.uuid.toLowerCase()) {
    return refused('other-account', 'cardOtherAccount');
  }
  deps.portalCache.forgetCards(account.uuid);
  if (!card.active) {
    // Disabled already: by an earlier try of ours whose last audit write failed, its request is completed now.
    for (const open of await openDisableRequests(deps.db, { cardUuid: card.uuid })) await completeDisable(deps.db, open, 'retry');
    return { card, changed: false };
  }

  const request = await recordDisableRequest(deps.db, {
    actor: input.actor.email,
    ip: input.ip ?? null,
    accountCode: account.code,
    cardUuid: card.uuid,
    details: cardDetails(card, reason || null),
  });
  const disabled = await deps.fenerum.disablePaymentCard(card.uuid, input.actor);
  deps.portalCache.forgetCards(account.uuid);
  try {
    await completeDisable(deps.db, request, 'operator');
  } catch (err) {
    // Fenerum has disabled it: that is what the operator is told. The open request is completed by a retry or the maintenance job.
    log.error({ card: card.uuid, request: request.request, err }, 'card disabled at Fenerum; its audit row is left to the maintenance job');
  }
  deps.notifyCardChange({ accountCode: account.code, change: 'removed', card, by: 'staff' });
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
