import type { PortalCache } from '@/lib/cards/portal';
import { isRefused, refused, type Refused } from '@/lib/domain/outcomes';
import { cachedAccount } from '@/lib/fenerum/cached-account';
import { isFenerumError } from '@/lib/fenerum/errors';
import type { FenerumClient } from '@/lib/fenerum/types';
import type { Account } from '@/lib/domain/accounts';
import type { PaymentCard } from '@/lib/domain/cards';
import { isCardUuid, isPlausibleCode, STAFF_READ } from './staff-reads';

export type AccountDeps = {
  fenerum: Pick<FenerumClient, 'getAccount' | 'listPaymentCards'>;
  portalCache: Pick<PortalCache, 'accounts' | 'cardLists'>;
};
/** Enough to find an account: the account cache and Fenerum's lookup by code. */
export type FindAccountDeps = { fenerum: Pick<FenerumClient, 'getAccount'>; portalCache: Pick<PortalCache, 'accounts'> };
export type AccountView = { account: Account; cards: PaymentCard[] };

/** The account by its code, or a refusal naming what is wrong. Fenerum failures are thrown (the page shows "busy"). */
export async function findAccount(deps: FindAccountDeps, code: string): Promise<Account | Refused> {
  if (!isPlausibleCode(code)) return refused('invalid-input', 'notAnAccountCode');
  try {
    return await cachedAccount(deps.portalCache.accounts, deps.fenerum, code.trim(), STAFF_READ);
  } catch (err) {
    if (isFenerumError(err) && err.isNotFound) return refused('not-found', 'noSuchAccount', { code: code.trim() });
    throw err;
  }
}

/** Active cards first, then the one that runs longest. */
const byActiveThenExpiry = (a: PaymentCard, b: PaymentCard) =>
  Number(b.active) - Number(a.active) || b.expYear * 12 + b.expMonth - (a.expYear * 12 + a.expMonth);

/** An account and every card Fenerum holds for it (active and disabled), through the portal's caches. */
export async function loadAccount(deps: AccountDeps, code: string): Promise<AccountView | Refused> {
  const account = await findAccount(deps, code);
  if (isRefused(account)) return account;
  const cards = await deps.portalCache.cardLists.get(account.uuid, () => deps.fenerum.listPaymentCards({ code: account.code, uuid: account.uuid }, STAFF_READ));
  return { account, cards: cards.filter((c) => c.accountUuid === account.uuid).sort(byActiveThenExpiry) };
}

/** One card of this account; a card of another account is "not found" here (nothing about it is shown). */
export async function loadCard(deps: AccountDeps, code: string, cardUuid: string): Promise<(AccountView & { card: PaymentCard }) | Refused> {
  if (!isCardUuid(cardUuid)) return refused('invalid-input', 'notACardId');
  const view = await loadAccount(deps, code);
  if (isRefused(view)) return view;
  const card = view.cards.find((c) => c.uuid.toLowerCase() === cardUuid.toLowerCase());
  if (!card) return refused('not-found', 'noSuchCardOnAccount');
  return { ...view, card };
}
