import { TtlCache } from '@/lib/cache/ttl-cache';
import { cachedAccount } from '@/lib/fenerum/cached-account';
import { isFenerumError } from '@/lib/fenerum/errors';
import type { FenerumClient, Recipient } from '@/lib/fenerum/types';
import type { Account } from '@/lib/domain/accounts';
import type { PaymentCard } from '@/lib/domain/cards';
import { withJustRegistered } from './just-registered';
import type { JustRegistered } from './portal-view';
import { log } from '@/lib/log';

/** `cards`: the active ones (latest expiry first); `inactive`: the account's disabled cards (a page names one just removed). */
export type Portal = { ok: true; account: Account; cards: PaymentCard[]; inactive: PaymentCard[] } | { ok: false; reason: 'unavailable' };

/**
 * Fenerum allows 60 requests a minute: a customer reloading the page must not spend them.
 * Accounts change rarely; a card list is dropped as soon as we change one (`forgetCards`).
 * One per process (the composition root holds it), so a registration drops what a page cached.
 */
export type PortalCache = {
  accounts: TtlCache<Account>;
  cardLists: TtlCache<PaymentCard[]>;
  /** Each account's recipients (where its email addresses are), by account uuid; kept as long as accounts. */
  recipients: TtlCache<Recipient[]>;
  forgetCards: (accountUuid: string) => void;
};

export function createPortalCache(): PortalCache {
  const cardLists = new TtlCache<PaymentCard[]>(30_000);
  return {
    accounts: new TtlCache<Account>(5 * 60_000),
    cardLists,
    recipients: new TtlCache<Recipient[]>(5 * 60_000),
    forgetCards: (uuid) => cardLists.delete(uuid),
  };
}

export type PortalDeps = { fenerum: Pick<FenerumClient, 'getAccount' | 'listPaymentCards'>; portalCache: PortalCache };

/** A customer waits on the page: its Fenerum calls go before registrations and bulk callers (lib/fenerum/http.ts). */
const interactive = { priority: 'interactive' } as const;

/**
 * What the customer portal shows: the account and its active cards, latest expiry first; a card
 * registered a moment ago is listed even before Fenerum's (cached) list has it (`justRegistered`).
 */
export async function loadPortal(deps: PortalDeps, accountCode: string, accountUuid: string, justRegistered: JustRegistered[] = []): Promise<Portal> {
  const { accounts, cardLists } = deps.portalCache;
  try {
    const [account, cards] = await Promise.all([
      cachedAccount(accounts, deps.fenerum, accountCode, interactive),
      cardLists.get(accountUuid, () => deps.fenerum.listPaymentCards({ code: accountCode, uuid: accountUuid }, interactive)),
    ]);
    const mine = withJustRegistered(cards, justRegistered, accountUuid).filter((c) => c.accountUuid === account.uuid);
    const active = mine.filter((c) => c.active).sort((a, b) => b.expYear * 12 + b.expMonth - (a.expYear * 12 + a.expMonth));
    return { ok: true, account, cards: active, inactive: mine.filter((c) => !c.active) };
  } catch (err) {
    if (!isFenerumError(err)) throw err;
    log.error({ status: err.status, detail: err.detail }, 'portal: Fenerum failed');
    return { ok: false, reason: 'unavailable' };
  }
}
