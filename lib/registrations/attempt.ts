import type { Db } from '@/lib/db/connect';
import type { PortalGateway } from '@/lib/domain/cards';
import { isFenerumError } from '@/lib/fenerum/errors';
import type { Actor } from '@/lib/fenerum/types';
import type { CallOptions } from '@/lib/fenerum/types';
import type { PaymentCard } from '@/lib/domain/cards';
import { countRegistrationAttempt } from '@/lib/metrics/outcomes';
import { nextDelayMs } from './backoff';
import { findEarlierCard } from './find-earlier-card';
import { markFailed, markRegistered, markRetry, type Registration } from './store';

export type FenerumCards = {
  /** `actor`: the staff member who asked for this attempt (sent as X-User); none when the customer or the worker did. */
  createPaymentCard(input: { accountUuid: string; gateway: PortalGateway; token: string }, actor?: Actor, opts?: CallOptions): Promise<PaymentCard>;
  listPaymentCards(account: { code: string; uuid: string }): Promise<PaymentCard[]>;
};
export type AttemptDeps = {
  db: Db;
  fenerum: FenerumCards;
  alreadyRegistered: (fenerumCardUuid: string) => Promise<boolean>;
  /** Told once Fenerum has the card (the composition root drops cached card lists here). */
  onRegistered?: (reg: Registration, card: PaymentCard) => void;
  /** The registrations whose lease this process holds while an attempt runs (given back at shutdown: lib/server/shutdown.ts). */
  held?: Set<string>;
};
/** How soon to look again when the card we got is already held by another registration. */
const SOON_MS = 1_000;

export type AttemptOutcome = { status: 'registered'; card: PaymentCard } | { status: 'retrying'; error: string } | { status: 'failed'; error: string };

/**
 * One attempt at Fenerum for a registration whose lease we hold. Fenerum has no idempotency
 * key, so after an attempt whose outcome we could not know, look for the card first. A staff
 * member's "retry now" passes them as `actor`: Fenerum gets their email as X-User.
 */
export async function attemptRegistration(deps: AttemptDeps, reg: Registration, actor?: Actor): Promise<AttemptOutcome> {
  deps.held?.add(reg.id);
  try {
    const outcome = await attemptHeld(deps, reg, actor);
    countRegistrationAttempt(outcome.status);
    return outcome;
  } catch (err) {
    countRegistrationAttempt('error');
    throw err;
  } finally {
    deps.held?.delete(reg.id);
  }
}

async function attemptHeld(deps: AttemptDeps, reg: Registration, actor?: Actor): Promise<AttemptOutcome> {
  if (!reg.token) {
    await markFailed(deps.db, reg, 'no token to register', 'no-token');
    return { status: 'failed', error: 'no token to register' };
  }
  try {
    const adopted = reg.uncertain ? await findEarlierCard(deps, reg) : undefined;
    // An imported card waits in the bulk lane: customers' pages and their own cards go first (issue 27).
    const lane: CallOptions | undefined = reg.origin === 'import' ? { priority: 'bulk' } : undefined;
    const card = adopted ?? (await deps.fenerum.createPaymentCard({ accountUuid: reg.accountUuid, gateway: reg.gateway, token: reg.token }, actor, lane));
    if (!(await markRegistered(deps.db, reg, card))) {
      // Another registration holds this card (it adopted it first, or adopted ours while our
      // create was under way). Look again, soon, among the cards no registration holds.
      const error = `Fenerum card ${card.uuid} is already another registration's`;
      await markRetry(deps.db, reg.id, SOON_MS, error, true);
      return { status: 'retrying', error };
    }
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
      // Fenerum may have created the card anyway: the next attempt looks before it creates. A call
      // the bulk lane did not send (its share of the minute spent) is no failure: due again when a
      // slot frees, without the backoff growing (an import of thousands drains at the budget's pace).
      const delay =
        err.kind === 'over_budget' ? (err.retryAfterSeconds ?? 1) * 1000 * (1 + Math.random() / 2) : nextDelayMs(reg.attempts, err.retryAfterSeconds);
      await markRetry(deps.db, reg.id, delay, err.message, err.mayHaveActed);
      return { status: 'retrying', error: err.message };
    }
    // Fenerum's documents disagree on whether it takes QuickPay cards: a refusal naming the gateway says it does not, here.
    await markFailed(deps.db, reg, err.message, 'gateway' in err.fieldErrors ? 'gateway' : 'card');
    return { status: 'failed', error: err.message };
  }
}
