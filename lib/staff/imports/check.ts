import { eq, inArray } from 'drizzle-orm';
import type Stripe from 'stripe';
import { cardOf, isSavedCard } from '@/lib/cards/quickpay/subscription-card';
import type { TestModePolicy } from '@/lib/cards/quickpay/test-mode';
import type { Db } from '@/lib/db/connect';
import { accountIndex, stripeCustomers } from '@/lib/db/schema';
import type { CardSummary, PortalGateway } from '@/lib/domain/cards';
import { cardOf as paymentMethodCard } from '@/lib/cards/stripe/verify-setup-intent';
import { isFenerumError } from '@/lib/fenerum/errors';
import type { FenerumClient } from '@/lib/fenerum/types';
import type { QuickpayClient } from '@/lib/quickpay/client';
import { isQuickpayError } from '@/lib/quickpay/errors';
import { isStripeError } from '@/lib/stripe/errors';
import { findRepeats, rowProblem, type ImportLine, type RowProblem } from './parse';

/** Why a row will not be imported: its own shape (parse.ts), or what Fenerum, Stripe or QuickPay said. */
export type RowReason =
  | RowProblem
  | 'unknown-account'
  | 'pm-missing'
  | 'pm-no-customer'
  | 'pm-other-account'
  | 'pm-type'
  | 'qp-missing'
  | 'qp-not-saved'
  | 'qp-test-mode'
  /** Another account's registration already holds this card (found when queuing). */
  | 'held-by-other-account'
  /** A provider could not be asked now (down, or Fenerum's budget spent): check again later. */
  | 'unchecked';

export type CheckedRow =
  | { line: number; account: string; gateway: PortalGateway; token: string; ok: true; accountUuid: string; card: CardSummary | null }
  | { line: number; account: string; gateway: string; token: string; ok: false; reason: RowReason; detail?: string };

export type CheckDeps = {
  db: Db;
  fenerum: Pick<FenerumClient, 'getAccount'>;
  stripe: Pick<Stripe, 'paymentMethods'>;
  quickpay: Pick<QuickpayClient, 'getSubscription'>;
  quickpayTestMode: TestModePolicy;
};

/** Provider calls in flight at once while checking (the emulators and the real APIs take this easily; Fenerum's are paced by its limiter). */
const CHECK_CONCURRENCY = 8;

/**
 * Every row checked before anything is queued (issue 27), in file order: its shape and repeats
 * first (no call), then its account (the account index, else Fenerum in the bulk lane), then its
 * token at its provider: a Stripe PaymentMethod must exist, be a card or SEPA debit and be attached
 * to a customer that is not another account's (one this portal made for another account); a
 * QuickPay subscription must hold a saved card by the rule a callback is judged by (isSavedCard,
 * and the test-mode policy). Writes nothing.
 */
export async function checkImportRows(deps: CheckDeps, lines: readonly ImportLine[]): Promise<CheckedRow[]> {
  const repeats = findRepeats(lines);
  const accounts = await resolveAccounts(
    deps,
    lines.filter((l) => !repeats.has(l.line) && rowProblem(l) === null).map((l) => l.account),
  );
  const ownerOf = customerOwners(deps.db);
  return mapLimit(lines, CHECK_CONCURRENCY, async (l): Promise<CheckedRow> => {
    const refuse = (reason: RowReason, detail?: string): CheckedRow => ({ ...l, ok: false, reason, ...(detail ? { detail } : {}) });
    const earlier = repeats.get(l.line);
    if (earlier !== undefined) return refuse('duplicate', String(earlier));
    const problem = rowProblem(l);
    if (problem) return refuse(problem);
    const account = accounts.get(l.account);
    if (account === undefined) return refuse('unknown-account');
    if (account === 'unchecked') return refuse('unchecked');
    const gateway = l.gateway as PortalGateway;
    try {
      if (gateway === 'stripe_new') {
        const pm = await deps.stripe.paymentMethods.retrieve(l.token);
        if (pm.type !== 'card' && pm.type !== 'sepa_debit') return refuse('pm-type', pm.type);
        const customer = typeof pm.customer === 'string' ? pm.customer : pm.customer?.id;
        if (!customer) return refuse('pm-no-customer');
        const owner = await ownerOf(customer);
        if (owner !== undefined && owner !== l.account) return refuse('pm-other-account');
        return { ...l, gateway, ok: true, accountUuid: account, card: paymentMethodCard(pm) };
      }
      const sub = await deps.quickpay.getSubscription(Number(l.token));
      if (!isSavedCard(sub)) return refuse('qp-not-saved');
      if (sub.test_mode && !deps.quickpayTestMode.acceptTestMode) return refuse('qp-test-mode');
      return { ...l, gateway, ok: true, accountUuid: account, card: cardOf(sub) };
    } catch (err) {
      if (isStripeError(err) && err.code === 'resource_missing') return refuse('pm-missing');
      if (isQuickpayError(err) && err.status === 404) return refuse('qp-missing');
      // Any other answer of 4xx (not 429) is the provider's no to this token; anything else could not be asked.
      const status = isStripeError(err) ? (err.statusCode ?? 0) : isQuickpayError(err) ? err.status : 0;
      if (status >= 400 && status < 500 && status !== 429)
        return refuse(gateway === 'stripe_new' ? 'pm-missing' : 'qp-missing', err instanceof Error ? err.message.slice(0, 200) : undefined);
      return refuse('unchecked', err instanceof Error ? err.message.slice(0, 200) : undefined);
    }
  });
}

/** Each code's account uuid: the account index first (no call), Fenerum for the rest; 'unchecked' when Fenerum could not be asked. */
async function resolveAccounts(deps: CheckDeps, codes: string[]): Promise<Map<string, string | 'unchecked'>> {
  const wanted = [...new Set(codes)];
  const found = new Map<string, string | 'unchecked'>();
  for (let i = 0; i < wanted.length; i += 500) {
    const rows = await deps.db
      .select({ code: accountIndex.code, uuid: accountIndex.uuid })
      .from(accountIndex)
      .where(inArray(accountIndex.code, wanted.slice(i, i + 500)));
    for (const r of rows) found.set(r.code, r.uuid);
  }
  await mapLimit(
    wanted.filter((c) => !found.has(c)),
    CHECK_CONCURRENCY,
    async (code) => {
      try {
        found.set(code, (await deps.fenerum.getAccount(code, { priority: 'bulk' })).uuid);
      } catch (err) {
        if (!(isFenerumError(err) && err.isNotFound)) found.set(code, 'unchecked');
      }
    },
  );
  return found;
}

/** Whose Stripe customer this portal made (stripe_customers): a PaymentMethod of another account's customer is not this account's. */
function customerOwners(db: Db): (customer: string) => Promise<string | undefined> {
  const cache = new Map<string, Promise<string | undefined>>();
  return (customer) => {
    let owner = cache.get(customer);
    if (!owner) {
      owner = db
        .select({ account: stripeCustomers.accountCode })
        .from(stripeCustomers)
        .where(eq(stripeCustomers.customerId, customer))
        .limit(1)
        .then((rows) => rows[0]?.account);
      cache.set(customer, owner);
    }
    return owner;
  };
}

/** `fn` over `items` with at most `limit` in flight, results in the items' order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const run = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, run));
  return out;
}
