import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { recordApproval } from '@/lib/approvals/store';
import { issueCustomerLink, revokeLink } from '@/lib/auth/links';
import { sessionCookieName, signSession } from '@/lib/auth/session-token';
import { expiringCardNotices, registrations } from '@/lib/db/schema';
import { isRefused } from '@/lib/domain/outcomes';
import { appContext } from '@/lib/server/context';
import { customerPortalPage } from '@/lib/server/customer-page';
import { freshAccount } from '@/test/support/sandbox-control';
import { statementsDuring } from '@/test/support/statements';
import { monthOf, readPortalView } from './portal-view';

/** The request's cookies, as the page would read them (next/headers has no request in a test). */
const jar = vi.hoisted(() => new Map<string, string>());
vi.mock('next/headers', () => ({ cookies: async () => ({ get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined) }) }));

/** A fresh account and a live link to its portal; the session a customer who opened it holds. */
async function customer() {
  const ctx = await appContext();
  const accountCode = await freshAccount();
  const link = await issueCustomerLink(ctx, { accountCode, issuedBy: 'test' });
  if (isRefused(link)) throw new Error(`issueCustomerLink refused: ${link.reason}`);
  const session = { linkId: link.id, accountCode, accountUuid: link.account.uuid, expiresAt: Math.floor(Date.now() / 1000) + 3600 };
  return { ctx, accountCode, session };
}

/** One of everything the page shows from our database: a card queued for Fenerum, a payment waiting, a card expiring this month. */
async function withRows(accountCode: string, accountUuid: string) {
  const { db } = await appContext();
  const paymentIntentId = `pi_${randomUUID().replaceAll('-', '')}`;
  const cardUuid = randomUUID();
  await db.insert(registrations).values({
    id: randomUUID(),
    gateway: 'stripe_new',
    providerRef: `seti_${randomUUID()}`,
    accountCode,
    accountUuid,
    status: 'queued',
    cardBrand: 'Visa',
    cardLast4: '4242',
    cardExpMonth: 3,
    cardExpYear: 2034,
  });
  await recordApproval(db, { paymentIntentId, accountCode, amount: 49_900, currency: 'dkk', status: 'pending' });
  await db.insert(expiringCardNotices).values({ accountCode, cardUuid, month: monthOf(new Date()), cardBrand: 'Mastercard', cardLast4: '4444' });
  return { paymentIntentId, cardUuid };
}

describe('the portal view: one query per page view', () => {
  // The first use opens the database and runs the migrations: not part of any test's time.
  beforeAll(async () => void (await appContext()));
  afterEach(() => jar.clear());

  it('shows the account’s card queued for Fenerum, its payment waiting and its card expiring this month', async () => {
    const { ctx, accountCode, session } = await customer();
    const { paymentIntentId, cardUuid } = await withRows(accountCode, session.accountUuid);
    expect(await readPortalView(ctx.db, session, new Date())).toEqual({
      pending: [{ id: expect.any(String), brand: 'Visa', last4: '4242', expMonth: 3, expYear: 2034 }],
      approvals: [{ paymentIntentId, amount: 49_900, currency: 'dkk' }],
      expiring: [{ cardUuid, brand: 'Mastercard', last4: '4444' }],
      justRegistered: [],
    });
  });

  it('an account with nothing waiting has an empty view, not another account’s rows', async () => {
    const other = await customer();
    await withRows(other.accountCode, other.session.accountUuid);
    const { ctx, session } = await customer();
    expect(await readPortalView(ctx.db, session, new Date())).toEqual({ pending: [], approvals: [], expiring: [], justRegistered: [] });
  });

  it('a revoked link ends the session at once: no view', async () => {
    const { ctx, accountCode, session } = await customer();
    await withRows(accountCode, session.accountUuid);
    expect(await readPortalView(ctx.db, session, new Date())).not.toBeNull();
    expect(await revokeLink(ctx.db, session.linkId, 'test')).toBe(true);
    expect(await readPortalView(ctx.db, session, new Date())).toBeNull();
  });

  it('a link of another account, or no link at all, gives no view', async () => {
    const mine = await customer();
    const theirs = await customer();
    await withRows(theirs.accountCode, theirs.session.accountUuid);
    // A session naming their account with my (live) link: the link is not theirs.
    expect(await readPortalView(mine.ctx.db, { linkId: mine.session.linkId, accountCode: theirs.accountCode }, new Date())).toBeNull();
    expect(await readPortalView(mine.ctx.db, { linkId: randomUUID(), accountCode: mine.accountCode }, new Date())).toBeNull();
  });

  it('a card registered after the expiry notice ends the banner; one registered before it does not', async () => {
    const { ctx, accountCode, session } = await customer();
    const { cardUuid } = await withRows(accountCode, session.accountUuid);
    // Explicit times: two inserts within one tick of the clock would be neither before nor after.
    const registered = (updatedAt: Date) =>
      ctx.db.insert(registrations).values({
        id: randomUUID(),
        gateway: 'stripe_new',
        providerRef: `seti_${randomUUID()}`,
        accountCode,
        accountUuid: session.accountUuid,
        status: 'registered',
        updatedAt,
      });
    await registered(new Date(Date.now() - 60_000));
    expect((await readPortalView(ctx.db, session, new Date()))?.expiring.map((e) => e.cardUuid)).toEqual([cardUuid]);
    await registered(new Date(Date.now() + 1_000));
    expect((await readPortalView(ctx.db, session, new Date()))?.expiring).toEqual([]);
  });

  it('the page’s session and everything it reads from the database are one statement; no cookie, none', async () => {
    const { ctx, accountCode, session } = await customer();
    const { paymentIntentId } = await withRows(accountCode, session.accountUuid);
    jar.set(sessionCookieName(ctx.env.appUrl), signSession(session, ctx.env.linkSecret));
    const now = new Date();
    const live = await statementsDuring(() => customerPortalPage(now));
    expect(live.result.session?.accountCode).toBe(accountCode);
    expect(live.result.view?.approvals.map((a) => a.paymentIntentId)).toEqual([paymentIntentId]);
    expect(live.statements).toBe(1);

    await revokeLink(ctx.db, session.linkId, 'test');
    const revoked = await statementsDuring(() => customerPortalPage(now));
    expect(revoked.result).toMatchObject({ session: null, view: null });
    expect(revoked.statements).toBe(1);

    jar.clear();
    const none = await statementsDuring(() => customerPortalPage(now));
    expect(none.result).toMatchObject({ session: null, view: null });
    expect(none.statements).toBe(0);
  });
});
