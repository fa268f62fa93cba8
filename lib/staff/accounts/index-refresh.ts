import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from '@/lib/db/connect';
import type { Account } from '@/lib/domain/accounts';
import { isFenerumError } from '@/lib/fenerum/errors';
import type { CallOptions, FenerumClient } from '@/lib/fenerum/types';
import {
  advanceWatermark,
  collectEmails,
  countWaitingForRecipients,
  deleteIndexed,
  finishCollectingEmails,
  readIndexState,
  releaseLease,
  setEmails,
  startCollectingEmails,
  takeLease,
  unseenSince,
  updateIndexState,
  upsertAccounts,
  waitingForRecipients,
  type IndexState,
} from './account-index';

/**
 * Keeps the account index (account-index.ts) close to Fenerum with the filters Fenerum documents
 * (PROVIDERS.md): `last_modified_date__gte` for what changed, `Fields` for only uuid, code and
 * name, `?code=` to ask after one account. Fenerum documents no filter for deleted accounts, none
 * for recipients that changed, and none to find recipients by address: those come from a full
 * refresh (every account, then every recipient, 100 a page, in the bulk lane), run every hour
 * and resumable page by page (a pause for the bulk lane's share, a restart, another instance
 * taking over). An account a full refresh did not see is asked for by code before it is deleted:
 * a page that shifted under a deletion must not drop an account that still exists.
 */

export type RefreshDeps = {
  db: Db;
  fenerum: Pick<FenerumClient, 'listAccountsPage' | 'listRecipientsPage' | 'listRecipients'>;
  now?: () => Date;
};

export type RefreshSettings = {
  /** How often every account and recipient is read again (deletions, recipients' changes). */
  fullEveryMs: number;
  /** The watermark is moved to a refresh's start less this: Fenerum's clock and ours differ, and a change may land while we read. */
  overlapMs: number;
  /** How long one tick may keep reading a full refresh's pages. */
  tickBudgetMs: number;
  leaseMs: number;
  /** Changed accounts whose recipients one tick reads one by one; more waiting than `fullWhenWaiting` starts a full refresh instead. */
  recipientsPerTick: number;
  fullWhenWaiting: number;
  /** More changed accounts than this many pages: a full refresh reads them instead (resumable; the incremental read is not). */
  incrementalMaxPages: number;
  /** Accounts a full refresh did not see that it asks after by code (the rest wait for the next one). */
  verifyPerPass: number;
};

export const REFRESH_SETTINGS: RefreshSettings = {
  fullEveryMs: 60 * 60_000,
  overlapMs: 30_000,
  tickBudgetMs: 25_000,
  leaseMs: 2 * 60_000,
  recipientsPerTick: 10,
  fullWhenWaiting: 200,
  incrementalMaxPages: 10,
  verifyPerPass: 25,
};

/** Who holds the refresh's lease when this process does. */
export const PROCESS_HOLDER = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;

/** uuid, code and name: what the index keeps of an account (`Fields`, so a page carries nothing else). */
const FIELDS = ['uuid', 'code', 'company_name'] as const;

export type ChangedReport = { calls: number; changed: number; recipientsRead: number; tooMany: boolean };
export type TickReport = ChangedReport & {
  full: { phase: IndexState['fullPhase']; page: number; calls: number; completed: boolean; deleted: number };
  /** The tick stopped early: the bulk lane's share is spent, or Fenerum said 429. */
  paused: boolean;
};

/** A pause, not a failure: the lane's share is spent (our limiter) or Fenerum asks us to wait (429). */
function isPause(err: unknown): boolean {
  return isFenerumError(err) && (err.kind === 'over_budget' || err.status === 429);
}

const pageGone = (err: unknown, page: number) => page > 1 && isFenerumError(err) && err.isNotFound;

/**
 * Accounts changed since the watermark, then the recipients of up to `recipients` of those
 * waiting (newest first). Costs one call when nothing changed. More changes than
 * `incrementalMaxPages` pages: none are read (the answer says `tooMany`; a full refresh reads them).
 */
export async function refreshChanged(
  deps: RefreshDeps,
  call: CallOptions,
  opts: { recipients: number; settings?: RefreshSettings },
): Promise<ChangedReport | null> {
  const settings = opts.settings ?? REFRESH_SETTINGS;
  const now = deps.now ?? (() => new Date());
  const state = await readIndexState(deps.db);
  if (!state?.modifiedSince) return null; // no full refresh has begun: nothing to be incremental from
  const since = state.modifiedSince;
  const startedAt = now();
  let calls = 0;
  const changed: Account[] = [];
  for (let page = 1; ; page++) {
    let found;
    try {
      found = await deps.fenerum.listAccountsPage({ page, modifiedSince: since, fields: FIELDS }, call);
    } catch (err) {
      if (pageGone(err, page)) break;
      throw err;
    }
    calls += 1;
    if (page === 1 && found.count > settings.incrementalMaxPages * 100) {
      return { calls, changed: found.count, recipientsRead: 0, tooMany: true };
    }
    changed.push(...found.items);
    if (!found.hasNext) break;
  }
  const waiting = await upsertAccounts(deps.db, changed, startedAt, { mode: 'reread', readBefore: since });
  await advanceWatermark(deps.db, new Date(startedAt.getTime() - settings.overlapMs));
  // The newest first: the account a person just made and now looks for is the last Fenerum lists.
  const order = [
    ...new Set([
      ...changed
        .map((a) => a.uuid.toLowerCase())
        .reverse()
        .filter((u) => waiting.includes(u)),
    ]),
  ];
  const read = await readRecipients(deps, order, changed, call, opts.recipients, now);
  return { calls: calls + read, changed: changed.length, recipientsRead: read, tooMany: false };
}

/** Reads the recipients of up to `limit` waiting accounts (those named first); answers the calls made. */
async function readRecipients(deps: RefreshDeps, first: string[], known: Account[], call: CallOptions, limit: number, now: () => Date): Promise<number> {
  if (limit <= 0) return 0;
  const byUuid = new Map(known.map((a) => [a.uuid.toLowerCase(), a.code]));
  const queue = first.map((uuid) => ({ uuid, code: byUuid.get(uuid) ?? '' })).filter((a) => a.code);
  if (queue.length < limit) {
    for (const more of await waitingForRecipients(deps.db, limit)) if (!queue.some((q) => q.uuid === more.uuid)) queue.push(more);
  }
  let calls = 0;
  for (const account of queue.slice(0, limit)) {
    let emails: string[];
    try {
      emails = (await deps.fenerum.listRecipients(account, call)).map((r) => r.email);
    } catch (err) {
      // Gone since (a 404, or the filter refusing a code it no longer knows): nothing to read; a full refresh settles it.
      if (!isFenerumError(err) || !(err.isNotFound || err.status === 400)) throw err;
      emails = [];
    }
    calls += 1;
    await setEmails(deps.db, account.uuid, emails, now());
  }
  return calls;
}

/**
 * One turn of the background refresh, under the lease (null: another instance holds it): the
 * changed accounts, some waiting recipients, and the full refresh's next pages for up to
 * `tickBudgetMs`, all in the bulk lane. The lane's share spent or a 429 pauses it until the next
 * tick, where it goes on from the page it reached.
 */
export async function refreshTick(deps: RefreshDeps, holder: string, settings: RefreshSettings = REFRESH_SETTINGS): Promise<TickReport | null> {
  const now = deps.now ?? (() => new Date());
  const state = await takeLease(deps.db, holder, now(), settings.leaseMs);
  if (!state) return null;
  const bulk: CallOptions = { priority: 'bulk' };
  const report: TickReport = {
    calls: 0,
    changed: 0,
    recipientsRead: 0,
    tooMany: false,
    paused: false,
    full: { phase: state.fullPhase, page: state.fullPage, calls: 0, completed: false, deleted: 0 },
  };
  try {
    const due = !state.fullCompletedAt || now().getTime() - state.fullCompletedAt.getTime() >= settings.fullEveryMs;
    if (!state.modifiedSince || (!state.fullPhase && due)) await beginFull(deps.db, state, now(), settings);
    const changed = await refreshChanged(deps, bulk, { recipients: settings.recipientsPerTick, settings });
    if (changed) Object.assign(report, changed);
    const current = await readIndexState(deps.db);
    if (current && !current.fullPhase && (changed?.tooMany || (await countWaitingForRecipients(deps.db)) > settings.fullWhenWaiting)) {
      await beginFull(deps.db, current, now(), settings);
    }
    const deadline = now().getTime() + settings.tickBudgetMs;
    while (now().getTime() < deadline) {
      const step = await fullStep(deps, bulk, settings, now);
      report.full = { ...step, calls: report.full.calls + step.calls, deleted: report.full.deleted + step.deleted };
      report.calls += step.calls;
      if (!step.phase) break;
    }
  } catch (err) {
    if (!isPause(err)) throw err;
    report.paused = true;
  } finally {
    await releaseLease(deps.db, holder);
  }
  return report;
}

/** A full refresh begins: the watermark (when there is none yet) at its start, less the overlap. */
async function beginFull(db: Db, state: IndexState, at: Date, settings: RefreshSettings): Promise<void> {
  await updateIndexState(db, {
    fullPhase: 'accounts',
    fullPage: 1,
    fullStartedAt: at,
    fullCalls: 0,
    modifiedSince: state.modifiedSince ?? new Date(at.getTime() - settings.overlapMs),
  });
}

/** One page of the running full refresh (or its end); the state row says where it is. */
async function fullStep(
  deps: RefreshDeps,
  call: CallOptions,
  settings: RefreshSettings,
  now: () => Date,
): Promise<{ phase: IndexState['fullPhase']; page: number; calls: number; completed: boolean; deleted: number }> {
  const state = await readIndexState(deps.db);
  if (!state?.fullPhase || !state.fullStartedAt) return { phase: null, page: 1, calls: 0, completed: false, deleted: 0 };
  const page = state.fullPage;
  if (state.fullPhase === 'accounts') {
    let found;
    try {
      found = await deps.fenerum.listAccountsPage({ page, fields: FIELDS }, call);
    } catch (err) {
      if (!pageGone(err, page)) throw err;
      found = { items: [], count: 0, hasNext: false };
    }
    await upsertAccounts(deps.db, found.items, now(), { mode: 'keep' });
    if (found.hasNext) await updateIndexState(deps.db, { fullPage: page + 1, fullCalls: state.fullCalls + 1 });
    else {
      await startCollectingEmails(deps.db);
      await updateIndexState(deps.db, { fullPhase: 'recipients', fullPage: 1, fullCalls: state.fullCalls + 1 });
    }
    return { phase: 'accounts', page, calls: 1, completed: false, deleted: 0 };
  }
  let found;
  try {
    found = await deps.fenerum.listRecipientsPage(page, call);
  } catch (err) {
    if (!pageGone(err, page)) throw err;
    found = { items: [], count: 0, hasNext: false };
  }
  await collectEmails(deps.db, found.items);
  if (found.hasNext) {
    await updateIndexState(deps.db, { fullPage: page + 1, fullCalls: state.fullCalls + 1 });
    return { phase: 'recipients', page, calls: 1, completed: false, deleted: 0 };
  }
  await finishCollectingEmails(deps.db, state.fullStartedAt, now());
  // Everything changed before the full refresh began is in the index now: the incremental refresh goes on from there.
  await advanceWatermark(deps.db, new Date(state.fullStartedAt.getTime() - settings.overlapMs));
  const verified = await settleUnseen(deps, state.fullStartedAt, call, settings.verifyPerPass, now);
  await updateIndexState(deps.db, { fullPhase: null, fullPage: 1, fullCalls: state.fullCalls + 1 + verified.calls, fullCompletedAt: now() });
  return { phase: null, page, calls: 1 + verified.calls, completed: true, deleted: verified.deleted };
}

/** Accounts the full refresh did not see, asked for by code (`?code=`): gone ones are deleted, found ones kept. */
async function settleUnseen(
  deps: RefreshDeps,
  startedAt: Date,
  call: CallOptions,
  limit: number,
  now: () => Date,
): Promise<{ calls: number; deleted: number }> {
  let calls = 0;
  let deleted = 0;
  for (const row of await unseenSince(deps.db, startedAt, limit)) {
    const found = await deps.fenerum.listAccountsPage({ page: 1, code: row.code, fields: FIELDS }, call);
    calls += 1;
    const same = found.items.find((a) => a.uuid.toLowerCase() === row.uuid);
    if (same) await upsertAccounts(deps.db, [same], now(), { mode: 'keep' });
    else {
      await deleteIndexed(deps.db, row.uuid);
      deleted += 1;
    }
  }
  return { calls, deleted };
}
