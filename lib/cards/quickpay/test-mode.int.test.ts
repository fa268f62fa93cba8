import { describe, expect, it } from 'vitest';
import { appContext } from '@/lib/server/context';
import { registration, sessionFor, startQuickpay } from '@/test/support/quickpay-fixtures';
import { authorizeQuickpay, fenerumCardsOf, freshAccount } from '@/test/support/sandbox-control';
import { receiveQuickpayCallback } from './callback';
import { checkQuickpayReturn } from './finish';
import { TEST_MODE_REFUSED } from './test-mode';

const live = { acceptTestMode: false };

describe('QuickPay test cards when QuickPay runs with a live key', () => {
  it('a test_mode callback is not registered; the registration says why', async () => {
    const account = await freshAccount();
    const { registration: reg } = await startQuickpay(account);
    const body = await authorizeQuickpay(reg.providerRef);
    expect(JSON.parse(body)).toMatchObject({ test_mode: true, accepted: true });
    const { db } = await appContext();
    expect(await receiveQuickpayCallback(db, body, 'Subscription', live)).toMatchObject({ kind: 'ignored' });
    expect(await registration(reg.id)).toMatchObject({ status: 'failed', lastError: TEST_MODE_REFUSED });
    expect(await fenerumCardsOf(account)).toHaveLength(0);
  });

  it('the return page does not register it either, and says the card was not saved', async () => {
    const { registration: reg } = await startQuickpay('CUST003');
    await authorizeQuickpay(reg.providerRef);
    const ctx = await appContext();
    expect(await checkQuickpayReturn({ ...ctx, quickpayTestMode: live }, await sessionFor('CUST003'), reg.id)).toEqual({
      kind: 'failed',
      refusal: 'test-mode',
    });
    expect((await registration(reg.id)).status).toBe('failed');
  });

  it('with QUICKPAY_ALLOW_TEST_MODE (or in the sandbox) the same card is queued', async () => {
    const { registration: reg } = await startQuickpay('CUST003');
    const body = await authorizeQuickpay(reg.providerRef);
    const { db } = await appContext();
    expect(await receiveQuickpayCallback(db, body, 'Subscription', { acceptTestMode: true })).toMatchObject({ kind: 'queued' });
  });
});
