import 'server-only';
import { TtlCache } from '@/lib/cache/ttl-cache';
import { processSingleton } from '@/lib/process-singleton';
import { fenerum } from '@/lib/fenerum';
import { FenerumError } from '@/lib/fenerum/errors';
import type { Account, PaymentCard } from '@/lib/fenerum/types';

export type Portal = { ok: true; account: Account; cards: PaymentCard[] } | { ok: false; reason: 'unavailable' };

// Fenerum allows 60 requests a minute: a customer reloading the page must not spend them.
// Accounts change rarely; card lists are dropped as soon as we change one (forgetCards).
// Per process, not per bundle: the register route must be able to drop what the page cached.
const accounts = processSingleton('portal-accounts', () => new TtlCache<Account>(5 * 60_000));
const cardLists = processSingleton('portal-card-lists', () => new TtlCache<PaymentCard[]>(30_000));

export function forgetCards(accountUuid: string): void {
  cardLists.delete(accountUuid);
}

/** What the customer portal shows: the account and its active cards, latest expiry first. */
export async function loadPortal(accountCode: string, accountUuid: string): Promise<Portal> {
  try {
    const [account, cards] = await Promise.all([
      accounts.get(accountCode, () => fenerum().getAccount(accountCode)),
      cardLists.get(accountUuid, () => fenerum().listPaymentCards({ code: accountCode, uuid: accountUuid })),
    ]);
    const active = cards
      .filter((c) => c.active && c.accountUuid === account.uuid)
      .sort((a, b) => b.expYear * 12 + b.expMonth - (a.expYear * 12 + a.expMonth));
    return { ok: true, account, cards: active };
  } catch (err) {
    if (err instanceof FenerumError) {
      console.error('portal: Fenerum failed', err.status, err.detail);
      return { ok: false, reason: 'unavailable' };
    }
    throw err;
  }
}
