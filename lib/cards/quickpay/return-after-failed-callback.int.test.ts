import { describe, expect, it } from 'vitest';
import { appContext } from '@/lib/server/context';
import { sessionFor, startQuickpay } from '@/test/support/quickpay-fixtures';
import { authorizeQuickpay, fenerumCardsOf, freshAccount, sandbox } from '@/test/support/sandbox-control';
import { checkQuickpayReturn, returnStateOf } from './finish';

const HOUR = 3_600_000;

describe('QuickPay retries a failed callback only after an hour', () => {
  it('a customer whose first callback failed still sees the card saved on the return page (it asks QuickPay’s API)', async () => {
    const account = await freshAccount();
    const { registration: reg } = await startQuickpay(account);
    // The window completes; QuickPay calls back to APP_URL, where nothing answers in this suite.
    await authorizeQuickpay(reg.providerRef);
    await expect
      .poll(async () => (await sandbox.quickpay.callbacks(reg.providerRef))[0], { timeout: 10_000 })
      .toMatchObject({ attempt: 1, ok: false, retryInMs: HOUR });

    // The customer lands on the return page: it asks QuickPay, queues the card and tries Fenerum.
    const ctx = await appContext();
    const checked = await checkQuickpayReturn(ctx, await sessionFor(account), reg.id);
    expect(checked.kind).toBe('queued');
    if (checked.kind !== 'queued') return;
    const state = returnStateOf((await ctx.registrar.tryNow(checked.registration.id, 3_000)).registration);
    expect(state).toMatchObject({ kind: 'saved', card: { brand: 'Dankort', last4: '0006' } });
    expect(await fenerumCardsOf(account)).toHaveLength(1);
    // Still only the one failed attempt: nothing here waited for QuickPay's retry.
    expect(await sandbox.quickpay.callbacks(reg.providerRef)).toHaveLength(1);
  });
});
