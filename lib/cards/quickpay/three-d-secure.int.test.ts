import { describe, expect, it } from 'vitest';
import { quickpaySubscription, type QuickpaySubscription } from '@/lib/quickpay/wire';
import { appContext } from '@/lib/server/context';
import { sessionFor, startQuickpay } from '@/test/support/quickpay-fixtures';
import { freshAccount, sandbox, sandboxUrls } from '@/test/support/sandbox-control';
import { sandboxSecrets } from '@/lib/env/sandbox-defaults';
import { receiveQuickpayCallback } from './callback';
import { checkQuickpayReturn } from './finish';

async function subscription(id: string): Promise<string> {
  const res = await fetch(`${sandboxUrls.quickpay}/subscriptions/${id}`, {
    headers: { Authorization: `Basic ${Buffer.from(`:${sandboxSecrets.QUICKPAY_API_KEY}`).toString('base64')}`, 'Accept-Version': 'v10' },
  });
  return res.text();
}

describe('QuickPay saves that pass through 3-D Secure or wait for approval', () => {
  it('a 3-D Secure save (30100 "3-D Secure is required", then 20000) is queued and saved', async () => {
    const account = await freshAccount();
    const { registration: reg } = await startQuickpay(account);
    await sandbox.quickpay.authorize(reg.providerRef, { card: '1000000000000073', three_d_secure: 'approve' });
    const body = await subscription(reg.providerRef);
    expect(quickpaySubscription.parse(JSON.parse(body)).operations.map((o) => o.qp_status_code)).toEqual(['30100', '20000']);
    const { db, registrar } = await appContext();
    const outcome = await receiveQuickpayCallback(db, body, 'Subscription', { acceptTestMode: true });
    expect(outcome).toMatchObject({ kind: 'queued' });
    expect((await registrar.tryNow(reg.id, 3_000)).status).toBe('registered');
  });

  it('a last operation of 20200 ("waiting approval") shows "finishing", never "declined"', async () => {
    const account = await freshAccount();
    const { registration: reg } = await startQuickpay(account);
    const ctx = await appContext();
    // QuickPay's test cards never wait for approval, so this one answer is written out here.
    const waiting: QuickpaySubscription = {
      id: Number(reg.providerRef),
      order_id: reg.orderId ?? '',
      accepted: false,
      type: 'Subscription',
      state: 'pending',
      currency: 'DKK',
      test_mode: true,
      operations: [{ id: 1, type: 'authorize', qp_status_code: '20200', qp_status_msg: 'Waiting approval' }],
    };
    const state = await checkQuickpayReturn({ ...ctx, quickpay: { getSubscription: async () => waiting } }, await sessionFor(account), reg.id);
    expect(state).toEqual({ kind: 'finishing' });
  });
});
