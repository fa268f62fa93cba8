import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/connect';
import { campaignCandidates, campaignRefresh } from '@/lib/db/schema';
import type { PaymentCard } from '@/lib/domain/cards';
import { isFenerumError } from '@/lib/fenerum/errors';
import type { CallOptions, FenerumClient } from '@/lib/fenerum/types';
import { log } from '@/lib/log';
import { indexedByUuid } from '@/lib/staff/accounts/account-index';
import { PROCESS_HOLDER, refreshChanged, type RefreshDeps } from '@/lib/staff/accounts/index-refresh';
import { ensureIndexed } from '@/lib/staff/accounts/search-refresh';
import { selectCandidates } from './rules';

export type CandidateRefreshDeps = {
  db: Db;
  fenerum: Pick<FenerumClient, 'listPaymentCardsPage'> & RefreshDeps['fenerum'];
  now?: () => Date;
};

/** Every read of this refresh waits its turn behind customers and card registrations (the bulk lane, lib/fenerum/budget.ts). */
const BULK: CallOptions = { priority: 'bulk' };
const ROW = 'cards';
/** A refresh that started longer ago than this and never finished died with its process: another may start. */
const STALE_MS = 30 * 60_000;
/** Pages of 100 cards a refresh reads at most (100 000 cards). */
const MAX_PAGES = 1000;

export type RefreshState = typeof campaignRefresh.$inferSelect;

export async function readRefreshState(db: Pick<Db, 'select'>): Promise<RefreshState | null> {
  const [row] = await db.select().from(campaignRefresh).where(eq(campaignRefresh.id, ROW)).limit(1);
  return row ?? null;
}

/**
 * Marks a refresh as started unless one is running (one at a time across instances: a conditional
 * upsert). Answers whether this caller should run it.
 */
export async function claimRefresh(db: Db, now: Date): Promise<boolean> {
  const stale = new Date(now.getTime() - STALE_MS);
  const rows = await db
    .insert(campaignRefresh)
    .values({ id: ROW, startedAt: now })
    .onConflictDoUpdate({
      target: campaignRefresh.id,
      set: { startedAt: now, lastError: null },
      setWhere: sql`${campaignRefresh.startedAt} is null or ${campaignRefresh.startedAt} < ${stale}`,
    })
    .returning({ id: campaignRefresh.id });
  return rows.length > 0;
}

/**
 * Rebuilds both campaigns' candidates from Fenerum's whole card list (`GET /paymentcards/`, 100 a
 * page, in the bulk lane): one call per 100 cards, instead of one card list per account. Fenerum's
 * cards name their account by uuid only, so code and name come from the account index, which is
 * first brought up to date (accounts changed since its watermark); a candidate whose account the
 * index does not hold yet is counted and left out. The lists are swapped in one transaction, so the
 * page never shows half a refresh. Call after `claimRefresh`; the claim is given back either way.
 */
export async function refreshCandidates(deps: CandidateRefreshDeps): Promise<RefreshState | null> {
  const now = deps.now?.() ?? new Date();
  let calls = 0;
  try {
    const indexDeps = { db: deps.db, fenerum: deps.fenerum, now: deps.now };
    await ensureIndexed(indexDeps, PROCESS_HOLDER);
    const changed = await refreshChanged(indexDeps, BULK, { recipients: 0 });
    calls += changed?.calls ?? 0;
    const cards: PaymentCard[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const found = await deps.fenerum.listPaymentCardsPage(page, BULK);
      calls += 1;
      cards.push(...found.items);
      if (!found.hasNext) break;
    }
    const chosen = selectCandidates(cards, now);
    const accounts = await indexedByUuid(deps.db, [...new Set(chosen.map((c) => c.accountUuid))]);
    const rows = chosen.flatMap((c) => {
      const account = accounts.get(c.accountUuid);
      if (!account) return [];
      return [
        {
          campaign: c.campaign,
          accountUuid: c.accountUuid,
          accountCode: account.code,
          accountName: account.name,
          cardUuid: c.card.uuid,
          cardBrand: c.card.brand,
          cardLast4: c.card.last4,
          cardExpMonth: c.card.expMonth,
          cardExpYear: c.card.expYear,
          refreshedAt: now,
        },
      ];
    });
    const unindexed = new Set(chosen.filter((c) => !accounts.has(c.accountUuid)).map((c) => c.accountUuid)).size;
    await deps.db.transaction(async (tx) => {
      await tx.delete(campaignCandidates);
      for (let i = 0; i < rows.length; i += 500) await tx.insert(campaignCandidates).values(rows.slice(i, i + 500));
      await tx
        .update(campaignRefresh)
        .set({ startedAt: null, completedAt: now, calls, cardsSeen: cards.length, unindexed, lastError: null })
        .where(eq(campaignRefresh.id, ROW));
    });
  } catch (err) {
    const message = isFenerumError(err) ? err.message : 'unexpected error';
    log.warn({ err: err instanceof Error ? err.message : String(err) }, 'campaigns: the candidates refresh failed');
    await deps.db
      .update(campaignRefresh)
      .set({ startedAt: null, lastError: message.slice(0, 500) })
      .where(eq(campaignRefresh.id, ROW));
    if (!isFenerumError(err)) throw err;
  }
  return readRefreshState(deps.db);
}
