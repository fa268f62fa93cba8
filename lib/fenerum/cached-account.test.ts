import { describe, expect, it } from 'vitest';
import { TtlCache } from '@/lib/cache/ttl-cache';
import { cachedAccount } from './cached-account';
import { FenerumError } from './errors';
import type { CallOptions } from './types';
import type { Account } from '@/lib/domain/accounts';

const account: Account = { uuid: 'u1', code: 'C1', name: 'Nordlys ApS' };

/** A getAccount whose answers the test settles by hand, recording each call's options. */
function heldFenerum() {
  const calls: Array<{ opts: CallOptions | undefined; settle: (err?: Error) => void }> = [];
  return {
    calls,
    getAccount: (_code: string, opts?: CallOptions) =>
      new Promise<Account>((resolve, reject) => calls.push({ opts, settle: (err) => (err ? reject(err) : resolve(account)) })),
  };
}

describe('cachedAccount', () => {
  it('asks Fenerum once for callers who come together, and not again within the TTL', async () => {
    const fenerum = heldFenerum();
    const cache = new TtlCache<Account>(60_000);
    const both = Promise.all([cachedAccount(cache, fenerum, 'C1', { priority: 'bulk' }), cachedAccount(cache, fenerum, 'C1')]);
    fenerum.calls[0]?.settle();
    expect(await both).toEqual([account, account]);
    expect(await cachedAccount(cache, fenerum, 'C1')).toEqual(account);
    expect(fenerum.calls).toHaveLength(1);
  });

  it('looks again, in its own lane, when the lookup it joined failed for another caller (gone, or over budget in a lower lane)', async () => {
    for (const failure of [
      new FenerumError({ kind: 'aborted', status: 0 }),
      new FenerumError({ kind: 'over_budget', status: 0, retryAfterSeconds: 30, priority: 'bulk' }),
    ]) {
      const fenerum = heldFenerum();
      const cache = new TtlCache<Account>(60_000);
      const linkGone = new AbortController();
      const link = cachedAccount(cache, fenerum, 'C1', { priority: 'bulk', signal: linkGone.signal }).catch((e: unknown) => e);
      const customer = cachedAccount(cache, fenerum, 'C1', { priority: 'interactive' });
      if (failure.kind === 'aborted') linkGone.abort();
      fenerum.calls[0]?.settle(failure);
      await expect(link).resolves.toBe(failure);
      await Promise.resolve();
      await new Promise((r) => setImmediate(r));
      expect(fenerum.calls[1]?.opts).toEqual({ priority: 'interactive' });
      fenerum.calls[1]?.settle();
      expect(await customer).toEqual(account);
    }
  });

  it("passes the caller's own failure on (its own lane over budget)", async () => {
    const fenerum = heldFenerum();
    const cache = new TtlCache<Account>(60_000);
    const mine = cachedAccount(cache, fenerum, 'C1', { priority: 'interactive' }).catch((e: unknown) => e);
    fenerum.calls[0]?.settle(new FenerumError({ kind: 'over_budget', status: 0, priority: 'interactive' }));
    expect(await mine).toMatchObject({ kind: 'over_budget' });
    expect(fenerum.calls).toHaveLength(1);
  });
});
