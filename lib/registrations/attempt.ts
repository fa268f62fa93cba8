import type { Db } from '@/lib/db/connect';
import type { PortalGateway } from '@/lib/domain/cards';
import { isFenerumError } from '@/lib/fenerum/errors';
import type { PaymentCard } from '@/lib/fenerum/types';
import { nextDelayMs } from './backoff';
import { markFailed, markRegistered, markRetry, type Registration } from './store';

export type FenerumCards = {
  createPaymentCard(input: { accountUuid: string; gateway: PortalGateway; token: string }): Promise<PaymentCard>;
  listPaymentCards(accountUuid: string): Promise<PaymentCard[]>;
};
export type AttemptDeps = {
  db: Db;
  fenerum: FenerumCards;
  alreadyRegistered: (fenerumCardUuid: string) => Promise<boolean>;
  /** Told once Fenerum has the card (the composition root drops cached card lists here). */
  onRegistered?: (reg: Registration, card: PaymentCard) => void;
};
export type AttemptOutcome = { status: 'registered'; card: PaymentCard } | { status: 'retrying'; error: string } | { status: 'failed'; error: string };

/**
 * One attempt at Fenerum for a registration whose lease we hold. Fenerum has no idempotency
 * key, so after an attempt whose outcome we could not know, look for the card first.
 */
export async function attemptRegistration(deps: AttemptDeps, reg: Registration): Promise<AttemptOutcome> {
  if (!reg.token) {
    await markFailed(deps.db, reg, 'no token to register');
    return { status: 'failed', error: 'no token to register' };
  }
  try {
    const adopted = reg.uncertain ? await findEarlierCard(deps, reg) : undefined;
    const card = adopted ?? (await deps.fenerum.createPaymentCard({ accountUuid: reg.accountUuid, gateway: reg.gateway, token: reg.token }));
    await markRegistered(deps.db, reg, card);
    deps.onRegistered?.(reg, card);
    return { status: 'registered', card };
  } catch (err) {
    if (!isFenerumError(err)) {
      // Not Fenerum's answer (our database, a bug): give the lease back and try later, as uncertain.
      const message = err instanceof Error ? err.message : String(err);
      await markRetry(deps.db, reg.id, nextDelayMs(reg.attempts, undefined), message, true);
      throw err;
    }
    if (err.isTransient) {
      // A timeout, a dropped connection or a 500/502/504 may have created the card anyway.
      const uncertain = err.kind === 'timeout' || err.kind === 'network' || [500, 502, 504].includes(err.status);
      await markRetry(deps.db, reg.id, nextDelayMs(reg.attempts, err.retryAfterSeconds), err.message, uncertain);
      return { status: 'retrying', error: err.message };
    }
    await markFailed(deps.db, reg, err.message);
    return { status: 'failed', error: err.message };
  }
}

/**
 * The card an earlier attempt may have created. By its token when Fenerum says it; otherwise
 * a card on the account that looks the same and that no other registration has claimed.
 */
async function findEarlierCard(deps: AttemptDeps, reg: Registration): Promise<PaymentCard | undefined> {
  const cards = await deps.fenerum.listPaymentCards(reg.accountUuid);
  if (cards.some((c) => c.token !== null)) return cards.find((c) => c.gateway === reg.gateway && c.token === reg.token);
  for (const c of cards) {
    const same = c.active && c.gateway === reg.gateway && c.last4 === reg.cardLast4 && c.expMonth === reg.cardExpMonth && c.expYear === reg.cardExpYear;
    if (same && !(await deps.alreadyRegistered(c.uuid))) return c;
  }
  return undefined;
}
