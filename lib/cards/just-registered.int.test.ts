import { describe, expect, it } from 'vitest';
import { issueCustomerLink } from '@/lib/auth/links';
import { isRefused } from '@/lib/domain/outcomes';
import { appContext } from '@/lib/server/context';
import { POST as quickpayCallback } from '@/app/api/quickpay-callback/route';
import { callbackRequest, startQuickpay, waitForStatus } from '@/test/support/quickpay-fixtures';
import { authorizeQuickpay, freshAccount } from '@/test/support/sandbox-control';
import { createPortalCache, loadPortal } from './portal';
import { readPortalView } from './portal-view';

describe('"Card saved" and the card list agree', () => {
  it('a card Fenerum just took is listed even when the list was read (and cached) a moment before', async () => {
    const ctx = await appContext();
    const accountCode = await freshAccount();
    const link = await issueCustomerLink(ctx, { accountCode, issuedBy: 'test' });
    if (isRefused(link)) throw new Error(`issueCustomerLink refused: ${link.reason}`);
    const session = { linkId: link.id, accountCode };
    // Another instance's cache (or a page read racing the registration): it holds the list from before.
    const cache = createPortalCache();
    const deps = { fenerum: ctx.fenerum, portalCache: cache };
    const before = await loadPortal(deps, accountCode, link.account.uuid);
    expect(before.ok && before.cards).toEqual([]);

    const { registration } = await startQuickpay(accountCode);
    await quickpayCallback(callbackRequest(await authorizeQuickpay(registration.providerRef)));
    const saved = await waitForStatus(registration.id, 'registered');
    // The customer is now told "Card saved" (the return page shows it for a registered card).

    const stale = await loadPortal(deps, accountCode, link.account.uuid);
    expect(stale.ok && stale.cards).toEqual([]); // what the list said before: a contradiction
    const view = await readPortalView(ctx.db, session, new Date());
    expect(view?.pending).toEqual([]); // no longer "being saved" either
    const listed = await loadPortal(deps, accountCode, link.account.uuid, view?.justRegistered);
    expect(listed.ok && listed.cards).toEqual([
      expect.objectContaining({ uuid: saved.fenerumCardUuid, brand: 'Dankort', last4: '0006', active: true, gateway: 'quickpay' }),
    ]);
    // Once Fenerum's own list has it, it is listed once.
    const fresh = await loadPortal({ fenerum: ctx.fenerum, portalCache: createPortalCache() }, accountCode, link.account.uuid, view?.justRegistered);
    expect(fresh.ok && fresh.cards.map((c) => c.uuid)).toEqual([saved.fenerumCardUuid]);
  });
});
