import { beforeAll, describe, expect, it } from 'vitest';
import { isRefused } from '@/lib/domain/outcomes';
import { FenerumError } from '@/lib/fenerum/errors';
import type { FenerumClient } from '@/lib/fenerum/types';
import { appContext } from '@/lib/server/context';
import { sandbox } from '@/test/support/sandbox-control';
import { findIndexed, readIndexState, releaseLease, takeLease } from './account-index';
import { REFRESH_SETTINGS, refreshChanged, refreshTick, type RefreshDeps } from './index-refresh';
import { searchAccounts } from './search-accounts';
import { createStaffCache } from './staff-reads';

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
const calls = async () => (await sandbox.fenerum.stats()).total;

async function deps() {
  const ctx = await appContext();
  return { db: ctx.db, fenerum: ctx.fenerum, portalCache: ctx.portalCache, staffCache: createStaffCache() };
}

/** Ticks (as the background refresh does) until a full refresh has begun and ended. */
async function fullRefresh(d: RefreshDeps, holder: string, overlapMs = REFRESH_SETTINGS.overlapMs): Promise<number> {
  let spent = 0;
  const settings = { ...REFRESH_SETTINGS, fullEveryMs: 0, overlapMs };
  for (let tick = 0; tick < 50; tick++) {
    const report = await refreshTick(d, holder, settings);
    if (!report) throw new Error('the lease was held by another');
    spent += report.full.calls;
    if (report.full.completed) return spent;
  }
  throw new Error('the full refresh did not end in 50 ticks');
}

beforeAll(async () => {
  await fullRefresh(await deps(), `test-setup-${unique()}`);
});

describe('the account index', () => {
  it('an incremental refresh costs one call when nothing changed, and finds a renamed account by its new name only', async () => {
    const d = await deps();
    const old = `Gammelnavn ${unique()} ApS`;
    const made = await sandbox.fenerum.createAccount({ name: old });
    await refreshChanged(d, { priority: 'bulk' }, { recipients: 50 });
    expect((await findIndexed(d.db, old, 10)).map((a) => a.code)).toEqual([made.code]);

    const quiet = await refreshChanged(d, { priority: 'bulk' }, { recipients: 50 });
    expect(quiet).toMatchObject({ calls: 1, recipientsRead: 0, tooMany: false });

    const renamed = `Nytnavn ${unique()} A/S`;
    await sandbox.fenerum.renameAccount(made.code, renamed);
    const before = await calls();
    const report = await refreshChanged(d, { priority: 'bulk' }, { recipients: 50 });
    expect(report?.calls).toBeLessThanOrEqual(3); // one page of changes and the renamed account's recipients
    expect((await calls()) - before).toBe(report?.calls);
    expect((await findIndexed(d.db, renamed, 10)).map((a) => [a.code, a.name, a.emails])).toEqual([
      [made.code, renamed, [`${made.code.toLowerCase()}@example.com`]],
    ]);
    expect(await findIndexed(d.db, old, 10)).toEqual([]);
  });

  it('a new account is found by name and by its recipient’s email (the miss refreshes the index); searching again costs no call', async () => {
    const d = await deps();
    const name = `Nyhedskunde ${unique()} IVS`;
    const email = `bogholder-${unique()}@nyhed.example`;
    const made = await sandbox.fenerum.createAccount({ name, recipients: [{ email }] });
    const first = await searchAccounts(d, name);
    expect(!isRefused(first) && first.accounts.map((a) => [a.code, a.emails])).toEqual([[made.code, [email]]]);
    const before = await calls();
    for (const q of [name, email, email.toUpperCase(), made.code, name.slice(0, 14)]) {
      const found = await searchAccounts(d, q);
      expect(!isRefused(found) && found.accounts.some((a) => a.code === made.code), q).toBe(true);
    }
    expect(await calls()).toBe(before);
  });

  it('a deleted account stays out once a full refresh has not seen it and Fenerum, asked by code, has it no more', async () => {
    const d = await deps();
    const name = `Slettes ${unique()} ApS`;
    const made = await sandbox.fenerum.createAccount({ name });
    await refreshChanged(d, { priority: 'bulk' }, { recipients: 50 });
    expect(await findIndexed(d.db, name, 10)).toHaveLength(1);
    await sandbox.fenerum.deleteAccount(made.code);
    await refreshChanged(d, { priority: 'bulk' }, { recipients: 50 });
    expect(await findIndexed(d.db, name, 10)).toHaveLength(1); // no filter tells of a deletion
    await fullRefresh(d, `test-${unique()}`);
    expect(await findIndexed(d.db, name, 10)).toEqual([]);
  });

  it('a full refresh paused by the bulk lane goes on from the page it reached', async () => {
    const d = await deps();
    const many = await sandbox.fenerum.generateAccounts(120, `P${unique().slice(-8).toUpperCase()}`); // the account list has a second page
    let pages = 0;
    const refusing: RefreshDeps['fenerum'] = {
      ...d.fenerum,
      listAccountsPage: (query, opts) => {
        // The second page of the full refresh's account phase: the bulk lane's share is spent.
        if (!query.modifiedSince && !query.code && ++pages === 2) {
          return Promise.reject(new FenerumError({ kind: 'over_budget', status: 0, retryAfterSeconds: 30, priority: 'bulk', operation: 'test' }));
        }
        return (d.fenerum as FenerumClient).listAccountsPage(query, opts);
      },
    };
    const small = { ...d, fenerum: refusing };
    const holder = `test-${unique()}`;
    const first = await refreshTick(small, holder, { ...REFRESH_SETTINGS, fullEveryMs: 0 });
    expect(first).toMatchObject({ paused: true, full: { completed: false } });
    expect(await readIndexState(d.db)).toMatchObject({ fullPhase: 'accounts', fullPage: 2 });
    expect(await fullRefresh(small, holder)).toBeGreaterThan(2);
    expect((await readIndexState(d.db))?.fullPhase).toBeNull();
    expect((await findIndexed(d.db, many.last, 10)).map((a) => [a.code, a.emails])).toEqual([[many.last, [`${many.last.toLowerCase()}@generated.example`]]]);
  });

  it('more changes than an incremental refresh reads are left to a full refresh, after which it costs one call again', async () => {
    const d = await deps();
    await sandbox.fenerum.generateAccounts(1_050, `B${unique().slice(-8).toUpperCase()}`);
    const burst = await refreshChanged(d, { priority: 'bulk' }, { recipients: 50 });
    expect(burst).toMatchObject({ tooMany: true, calls: 1, recipientsRead: 0 });
    await new Promise((r) => setTimeout(r, 1_100)); // Fenerum's filter is to the second
    await fullRefresh(d, `test-${unique()}`, 0);
    const after = await refreshChanged(d, { priority: 'bulk' }, { recipients: 50, settings: { ...REFRESH_SETTINGS, overlapMs: 0 } });
    expect(after).toMatchObject({ tooMany: false, calls: 1 });
  });

  it('one instance refreshes at a time: the lease is refused to a second holder until released or run out', async () => {
    const d = await deps();
    const [a, b] = [`a-${unique()}`, `b-${unique()}`];
    const now = new Date();
    expect(await takeLease(d.db, a, now, 60_000)).not.toBeNull();
    expect(await takeLease(d.db, b, now, 60_000)).toBeNull();
    expect(await refreshTick(d, b)).toBeNull();
    expect(await takeLease(d.db, b, new Date(now.getTime() + 61_000), 60_000)).not.toBeNull(); // a's lease ran out
    await releaseLease(d.db, b);
    expect(await takeLease(d.db, a, new Date(), 60_000)).not.toBeNull();
    await releaseLease(d.db, a);
  });
});
