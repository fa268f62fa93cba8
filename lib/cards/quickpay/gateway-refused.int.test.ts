import { describe, expect, it } from 'vitest';
import { appContext } from '@/lib/server/context';
import { registration, sessionFor, startQuickpay } from '@/test/support/quickpay-fixtures';
import { authorizeQuickpay, fenerumCardsOf, fenerumSettings, freshAccount } from '@/test/support/sandbox-control';
import { checkQuickpayReturn, returnStateOf } from './finish';

describe('Fenerum refusing QuickPay cards (its documents disagree on whether it takes them)', () => {
  it('the registration fails with Fenerum’s own reason for staff, and the customer is told to add the card through Stripe', async () => {
    const account = await freshAccount();
    const { registration: reg } = await startQuickpay(account);
    await authorizeQuickpay(reg.providerRef);
    const ctx = await appContext();
    await fenerumSettings({ quickpayCards: 'refuse' });
    try {
      const checked = await checkQuickpayReturn(ctx, await sessionFor(account), reg.id);
      expect(checked.kind).toBe('queued');
      if (checked.kind !== 'queued') return;
      const result = await ctx.registrar.tryNow(checked.registration.id, 3_000);
      expect(result.status).toBe('failed');
      expect(returnStateOf(result.registration)).toEqual({ kind: 'failed', refusal: 'gateway' });
    } finally {
      await fenerumSettings({ quickpayCards: 'accept' });
    }
    const failed = await registration(reg.id);
    expect(failed).toMatchObject({ status: 'failed', refusal: 'gateway', attempts: 1 });
    expect(failed.lastError).toMatch(/gateway: Currently Stripe is the only supported gateway/);
    expect(await fenerumCardsOf(account)).toHaveLength(0);
  });
});
