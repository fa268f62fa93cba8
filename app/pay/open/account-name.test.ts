import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPortalCache } from '@/lib/cards/portal';
import type { Account } from '@/lib/domain/accounts';
import { accountName } from './account-name';

const account = (code: string, name: string): Account => ({ code, name, uuid: `u-${code}` });
const ctxWith = (getAccount: (code: string) => Promise<Account>) => ({ fenerum: { getAccount } as never, portalCache: createPortalCache() });

describe('accountName', () => {
  afterEach(() => vi.useRealTimers());

  it('names the account from Fenerum, and from the cache after that', async () => {
    const getAccount = vi.fn((code: string) => Promise.resolve(account(code, 'Havblik Bageri I/S')));
    const ctx = ctxWith(getAccount);
    expect(await accountName(ctx, 'CUST002')).toBe('Havblik Bageri I/S');
    expect(await accountName(ctx, 'CUST002')).toBe('Havblik Bageri I/S');
    expect(getAccount).toHaveBeenCalledTimes(1);
  });

  it('names the account code when Fenerum fails', async () => {
    expect(
      await accountName(
        ctxWith(() => Promise.reject(new Error('down'))),
        'CUST002',
      ),
    ).toBe('CUST002');
  });

  it('names the account code when Fenerum has not answered within the wait', async () => {
    vi.useFakeTimers();
    const named = accountName(
      ctxWith(() => new Promise<Account>(() => {})),
      'CUST002',
      2_000,
    );
    await vi.advanceTimersByTimeAsync(2_000);
    expect(await named).toBe('CUST002');
  });
});
