import { beforeAll, describe, expect, it } from 'vitest';
import { isRefused } from '@/lib/domain/outcomes';
import { isFenerumError } from '@/lib/fenerum/errors';
import { appContext } from '@/lib/server/context';
import { freshAccountWithCards } from '@/test/support/staff-account-fixtures';
import { fenerumSettings } from '@/test/support/sandbox-control';
import { fenerumBusySeconds } from './fenerum-busy';
import { loadAccount, loadCard } from './load-account';
import { searchAccounts } from './search-accounts';
import { createStaffCache } from './staff-reads';
import { sandbox } from '@/test/support/sandbox-control';

// The app context (PGlite and its migrations) is built before the tests' clocks start: a loaded machine.
beforeAll(async () => {
  await appContext();
});

describe('searching accounts (the account index in our database)', () => {
  it('finds CUST001 by code, by part of its name and by its recipient’s email', async () => {
    const ctx = await appContext();
    for (const q of ['CUST001', 'nordlys', 'faktura@nordlys.dk']) {
      const found = await searchAccounts(ctx, q);
      expect(!isRefused(found) && found.accounts[0]?.code).toBe('CUST001');
    }
  });
  it('finds an account by any of its recipients’ emails (none on the account itself), and shows them', async () => {
    const ctx = await appContext();
    const [pay, owner] = [`pay-${Date.now()}@search.example`, `owner-${Date.now()}@search.example`];
    const made = await sandbox.fenerum.createAccount({
      recipients: [{ email: pay }, { email: owner, receive_payment_confirmation: false, receive_invoice: false }],
    });
    const fresh = { ...ctx, staffCache: createStaffCache() };
    for (const q of [pay, owner.toUpperCase(), `owner-${owner.split('-')[1]?.slice(0, 6) ?? ''}`]) {
      const found = await searchAccounts(fresh, q);
      expect(!isRefused(found) && found.accounts.map((a) => a.code)).toEqual([made.code]);
      expect(!isRefused(found) && found.accounts[0]?.emails.sort()).toEqual([owner, pay].sort());
    }
  });
  it('a search that finds its account, by code, name or email, costs Fenerum nothing', async () => {
    const ctx = await appContext();
    const fresh = { ...ctx, staffCache: createStaffCache() };
    await searchAccounts(fresh, 'CUST001');
    const before = (await sandbox.fenerum.stats()).total;
    for (const q of ['faktura@nordlys.dk', 'ida@nordlys', '@havblik.dk', 'kreditor@storkunde.dk']) await searchAccounts(fresh, q);
    expect((await sandbox.fenerum.stats()).total).toBe(before);
  });
  it('finds an account made after the index was refreshed, by its exact code', async () => {
    const ctx = await appContext();
    await searchAccounts(ctx, 'CUST001'); // the index holds the accounts now
    const fresh = await freshAccountWithCards();
    const found = await searchAccounts(ctx, fresh.code);
    expect(!isRefused(found) && found.accounts.map((a) => a.code)).toEqual([fresh.code]);
  });
  it('answers nothing for a blank query or an unknown code, and refuses a query too long', async () => {
    const ctx = await appContext();
    expect(await searchAccounts(ctx, '   ')).toEqual({ accounts: [], truncated: false });
    expect(await searchAccounts(ctx, 'NO-SUCH-ACCOUNT-XYZ')).toEqual({ accounts: [], truncated: false });
    expect(await searchAccounts(ctx, 'x'.repeat(101))).toMatchObject({ kind: 'refused', reason: 'invalid-input' });
  });
});

describe('an account’s page and a card’s page', () => {
  it('shows every card, active and disabled, with brand, last four, expiry and gateway', async () => {
    const ctx = await appContext();
    const view = await loadAccount(ctx, 'CUST001');
    if (isRefused(view)) throw new Error(view.reason);
    expect(view.account.name).toBe('Nordlys ApS');
    expect(view.cards.map((c) => [c.brand, c.last4, c.gateway, c.active])).toEqual(
      expect.arrayContaining([
        ['Visa', '4242', 'stripe_new', true],
        ['Visa', '5556', 'stripe', true],
        ['Visa', '0341', 'stripe_new', false],
      ]),
    );
    expect(view.cards.at(-1)?.active).toBe(false); // disabled cards last
  });
  it('refuses an unknown account, a malformed code, and a card of another account', async () => {
    const ctx = await appContext();
    const [mine, theirs] = await Promise.all([freshAccountWithCards(), freshAccountWithCards()]);
    expect(await loadAccount(ctx, 'NO-SUCH-ACCOUNT-XYZ')).toMatchObject({ reason: 'not-found' });
    for (const bad of ['..', 'a/b', '', 'x'.repeat(200)]) expect(await loadAccount(ctx, bad)).toMatchObject({ reason: 'invalid-input' });
    expect(await loadCard(ctx, mine.code, theirs.visa.uuid)).toMatchObject({ reason: 'not-found' });
    expect(await loadCard(ctx, mine.code, 'not-a-uuid')).toMatchObject({ reason: 'invalid-input' });
    const card = await loadCard(ctx, mine.code, mine.visa.uuid.toUpperCase());
    expect(!isRefused(card) && card.card).toMatchObject({ uuid: mine.visa.uuid, brand: 'Visa', last4: '4242', active: true });
  });
  it('a 429 from Fenerum fails at once with its wait (the page says “busy”), never waited out', async () => {
    const ctx = await appContext();
    const fresh = await freshAccountWithCards();
    await fenerumSettings({ failNext: { status: 429, count: 1, retryAfter: 45 } });
    const started = Date.now();
    const err = await loadAccount(ctx, fresh.code).then(
      () => null,
      (e: unknown) => e,
    );
    await fenerumSettings({ failNext: null });
    expect(isFenerumError(err) && err.status).toBe(429);
    expect(fenerumBusySeconds(err)).toBe(45);
    expect(Date.now() - started).toBeLessThan(10_000); // not the 45 s Fenerum asked for
  });
});
