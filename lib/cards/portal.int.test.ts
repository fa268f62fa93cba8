import { describe, expect, it } from 'vitest';
import { appContext } from '@/lib/server/context';
import { findEarlierCard } from '@/lib/registrations/find-earlier-card';
import type { Registration } from '@/lib/registrations/store';
import { callbackRequest, registration, startQuickpay, waitForStatus } from '@/test/support/quickpay-fixtures';
import { authorizeQuickpay, fenerumSettings, freshAccount, sandbox } from '@/test/support/sandbox-control';
import { POST as quickpayCallback } from '@/app/api/quickpay-callback/route';
import { createPortalCache, loadPortal } from './portal';

/** A fresh account with one card saved through QuickPay (Dankort •••• 0006), registered with Fenerum. */
async function accountWithCard() {
  const code = await freshAccount();
  const { registration: reg } = await startQuickpay(code);
  await quickpayCallback(callbackRequest(await authorizeQuickpay(reg.providerRef)));
  return { code, reg: await waitForStatus(reg.id, 'registered') };
}

describe('Fenerum card lists when Fenerum ignores the ?account= filter', () => {
  it('the portal and the crash recovery never see another account’s card', async () => {
    const mine = await accountWithCard();
    const theirs = await accountWithCard(); // the same test card, on another account
    const ctx = await appContext();
    await fenerumSettings({ cardListAccountFilter: 'ignore' });
    try {
      // Fenerum now answers every account's cards; the demo accounts alone hold well over a hundred.
      const portal = await loadPortal({ fenerum: ctx.fenerum, portalCache: createPortalCache() }, mine.code, mine.reg.accountUuid);
      expect(portal.ok && portal.cards.map((c) => c.uuid)).toEqual([mine.reg.fenerumCardUuid]);
      // An uncertain attempt of the other account looks for "its" card. Even if no card were held
      // by a registration (so only the account check stands between them), it finds its own.
      const lookalike: Registration = { ...theirs.reg, uncertain: true, fenerumCardUuid: null };
      const adopted = await findEarlierCard({ fenerum: ctx.fenerum, alreadyRegistered: async () => false }, lookalike);
      expect(adopted).toMatchObject({ uuid: theirs.reg.fenerumCardUuid, accountUuid: theirs.reg.accountUuid });
    } finally {
      await fenerumSettings({ cardListAccountFilter: 'code' });
    }
    expect((await sandbox.fenerum.getSettings()).cardListAccountFilter).toBe('code');
    expect((await registration(mine.reg.id)).status).toBe('registered');
  });
});
