import type { Db } from '@/lib/db/connect';
import type { FenerumClient } from '@/lib/fenerum/types';
import { indexedByUuid } from '@/lib/staff/accounts/account-index';
import { STAFF_READ } from '@/lib/staff/accounts/staff-reads';
import { listFailedPayments } from '@/lib/staff/payments/failed/list';
import type { PaymentsReader } from '@/lib/staff/payments/pages';
import type { AttentionCache } from './cache';
import { pageAt, pageOf, type ListPage } from '@/lib/domain/paging';
import {
  ATTENTION_PAGE_SIZE,
  countDbList,
  DB_LISTS,
  expiresNextMonth,
  expiringNextMonth,
  readDbList,
  type AttentionList,
  type AttentionRow,
  type DbList,
} from './lists';
import { log } from '@/lib/log';

export type OverviewDeps = {
  db: Db;
  farpay: PaymentsReader;
  fenerum: Pick<FenerumClient, 'listAllPaymentCards'>;
  cache: AttentionCache;
};

/** A count, or null when the provider it comes from could not be read now (the page says so). */
export type Overview = Record<DbList, number> & { failed: number | null; expiring: number | null; week: { from: string; to: string } };

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** "This week": the last seven days up to today (UTC), as the failed-payments list's period. */
export const weekOf = (now: Date) => ({ from: day(now.getTime() - 6 * 86_400_000), to: day(now.getTime()) });

const fenerumCardsOf = (deps: OverviewDeps) => deps.cache.fenerumCards.get('all', () => deps.fenerum.listAllPaymentCards(STAFF_READ));
/**
 * Cards expiring next month, from Fenerum's cards (cached), each with its account's code from the
 * account index (no Fenerum call: reading every account from Fenerum cost a call per 100 accounts).
 */
async function readExpiring(deps: OverviewDeps, now: Date): Promise<AttentionRow[]> {
  const cards = await fenerumCardsOf(deps);
  const accounts = await indexedByUuid(deps.db, [...new Set(cards.filter((c) => expiresNextMonth(c, now)).map((c) => c.accountUuid))]);
  return expiringNextMonth(cards, accounts, now);
}

/** Null when it failed (logged): one provider down must not hide the other counts. */
async function orNull<T>(what: string, p: Promise<T>): Promise<T | null> {
  try {
    return await p;
  } catch (err) {
    log.warn({ what, err }, 'overview: a list could not be read');
    return null;
  }
}

/**
 * What needs attention, as counts each of which is the length of the list it links to: four from
 * our own database, unhandled failed payments of the last seven days (FarPay's scan cached a
 * minute, Fenerum's declines from our audit log), and cards expiring next month (Fenerum's card
 * list cached ten minutes). A page view costs Fenerum nothing while the cache is warm.
 */
export async function loadOverview(deps: OverviewDeps, now: Date): Promise<Overview> {
  const week = weekOf(now);
  const [db, failed, expiring] = await Promise.all([
    Promise.all(DB_LISTS.map(async (l) => [l, await countDbList(deps.db, l, now)] as const)),
    orNull('failed payments', listFailedPayments(deps, week, 'unhandled', 0)),
    orNull('expiring cards', readExpiring(deps, now)),
  ]);
  return { ...(Object.fromEntries(db) as Record<DbList, number>), failed: failed?.total ?? null, expiring: expiring?.length ?? null, week };
}

/**
 * The page a URL asks for (`?page=`) of one attention list, oldest first; its `total` is what the
 * overview counts. A page past the end is the last (a list that shrank while open still shows rows).
 */
export async function readAttentionList(deps: OverviewDeps, list: AttentionList, now: Date, requested?: string | string[]): Promise<ListPage<AttentionRow>> {
  if (list === 'expiring') return pageOf(await readExpiring(deps, now), requested, ATTENTION_PAGE_SIZE);
  const at = pageAt(requested, await countDbList(deps.db, list, now), ATTENTION_PAGE_SIZE);
  return { ...at, items: await readDbList(deps.db, list, now, { offset: (at.page - 1) * at.size, size: at.size }) };
}
