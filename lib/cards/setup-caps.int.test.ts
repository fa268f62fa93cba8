import { randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { CustomerSession } from '@/lib/auth/session-token';
import { startQuickpayCard } from '@/lib/cards/quickpay/start';
import { createSetupIntentFor } from '@/lib/cards/stripe/create-setup-intent';
import { customerOf } from '@/lib/cards/stripe/customer';
import { auditLog, cardSetupStarts, registrations } from '@/lib/db/schema';
import { isRefused, type Refused } from '@/lib/domain/outcomes';
import { env } from '@/lib/env';
import { refusalResponse } from '@/lib/server/errors';
import { appContext } from '@/lib/server/context';
import { sessionFor } from '@/test/support/quickpay-fixtures';
import { confirmWith } from '@/test/support/stripe-fixtures';
import { freshAccount } from '@/test/support/sandbox-control';

const CAP = 10;

async function stripeStart(session: CustomerSession) {
  const { db, stripe } = await appContext();
  return createSetupIntentFor({ db, stripe, sepa: async () => false, setupsPerHour: CAP }, session, '192.0.2.1');
}

async function quickpayStart(session: CustomerSession) {
  const { db, quickpay } = await appContext();
  return startQuickpayCard({ db, quickpay, appUrl: env().appUrl, setupsPerHour: CAP }, session, 'en', '192.0.2.1');
}

/** What the account left in our database: registrations, cap reservations, audit lines. */
async function writtenFor(account: string) {
  const { db } = await appContext();
  const [regs] = await db.select({ n: count() }).from(registrations).where(eq(registrations.accountCode, account));
  const [starts] = await db.select({ n: count() }).from(cardSetupStarts).where(eq(cardSetupStarts.accountCode, account));
  const [audits] = await db
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.accountCode, account), eq(auditLog.action, 'card.add_started')));
  return { registrations: regs?.n ?? 0, starts: starts?.n ?? 0, audits: audits?.n ?? 0 };
}

async function setupIntentsAtStripe(account: string): Promise<number> {
  const { db, stripe } = await appContext();
  const customer = await customerOf(db, account);
  if (!customer) return 0;
  return (await stripe.setupIntents.list({ customer, limit: 100 })).data.length;
}

/** The 429 a customer's browser gets: a sentence, and when to try again. */
async function expectTooMany(r: Refused) {
  const res = refusalResponse(r);
  expect(res.status).toBe(429);
  expect(Number(res.headers.get('Retry-After'))).toBeGreaterThan(0);
  expect(Number(res.headers.get('Retry-After'))).toBeLessThanOrEqual(3600);
  expect(((await res.json()) as { error: string }).error).toMatch(/too many card setups/i);
}

describe('Stripe: what one session can start', () => {
  it('200 requests one after another make one SetupIntent: the open one is offered again', { timeout: 90_000 }, async () => {
    const account = await freshAccount();
    const session = await sessionFor(account);
    const first = await stripeStart(session);
    if (isRefused(first)) throw new Error('refused');
    for (let i = 0; i < 199; i++) expect(await stripeStart(session)).toEqual(first);
    expect(await setupIntentsAtStripe(account)).toBe(1);
    expect(await writtenFor(account)).toEqual({ registrations: 1, starts: 1, audits: 1 });
  });

  it('200 requests at once make at most the cap of SetupIntents; the rest reuse one or get 429 with a message', async () => {
    const account = await freshAccount();
    const session = await sessionFor(account);
    const results = await Promise.all(Array.from({ length: 200 }, () => stripeStart(session)));
    const made = new Set(results.flatMap((r) => (isRefused(r) ? [] : [r.setupIntentId])));
    const refusals = results.filter(isRefused);
    expect(made.size).toBeGreaterThanOrEqual(1);
    expect(made.size).toBeLessThanOrEqual(CAP);
    expect(await setupIntentsAtStripe(account)).toBe(made.size);
    expect(refusals.length + results.filter((r) => !isRefused(r)).length).toBe(200);
    for (const r of refusals) expect(r.reason).toBe('too-many');
    if (refusals[0]) await expectTooMany(refusals[0]);
    expect(await writtenFor(account)).toEqual({ registrations: made.size, starts: made.size, audits: made.size });
  });

  it('a session whose setups are each finished gets the cap of new ones in an hour, then 429, and nothing is written', async () => {
    const account = await freshAccount();
    const session = await sessionFor(account);
    for (let i = 0; i < CAP; i++) {
      const started = await stripeStart(session);
      if (isRefused(started)) throw new Error(`refused at ${i}`);
      await confirmWith(started.setupIntentId); // no longer open: the next request needs a new one
    }
    const before = await writtenFor(account);
    expect(before).toEqual({ registrations: CAP, starts: CAP, audits: CAP });
    const refused = await stripeStart(session);
    if (!isRefused(refused)) throw new Error('not refused');
    await expectTooMany(refused);
    // Another session (link) of the same account is under the same cap: it is the account's.
    expect(await stripeStart(await sessionFor(account))).toMatchObject({ kind: 'refused', reason: 'too-many' });
    expect(await writtenFor(account)).toEqual(before);
    expect(await setupIntentsAtStripe(account)).toBe(CAP);
  });

  it('an open setup whose SetupIntent Stripe no longer knows is not offered again: a new one is made', async () => {
    const account = await freshAccount();
    const session = await sessionFor(account);
    const { db } = await appContext();
    await db.insert(registrations).values({
      id: randomUUID(),
      gateway: 'stripe_new',
      providerRef: `seti_gone${randomUUID().replace(/-/g, '')}`,
      accountCode: account,
      accountUuid: session.accountUuid,
      linkId: session.linkId,
      status: 'started',
    });
    const started = await stripeStart(session);
    if (isRefused(started)) throw new Error('refused');
    expect(await setupIntentsAtStripe(account)).toBe(1);
    expect(await stripeStart(session)).toEqual(started);
  });

  it('another session of the account never gets this session’s open SetupIntent', async () => {
    const account = await freshAccount();
    const mine = await stripeStart(await sessionFor(account));
    const theirs = await stripeStart(await sessionFor(account));
    if (isRefused(mine) || isRefused(theirs)) throw new Error('refused');
    expect(theirs.setupIntentId).not.toBe(mine.setupIntentId);
  });
});

describe('QuickPay: what one session can start', () => {
  it('200 requests one after another make one subscription; its window link is given again', { timeout: 90_000 }, async () => {
    const account = await freshAccount();
    const session = await sessionFor(account);
    const first = await quickpayStart(session);
    if (isRefused(first)) throw new Error('refused');
    for (let i = 0; i < 199; i++) expect(await quickpayStart(session)).toEqual(first);
    expect(await writtenFor(account)).toEqual({ registrations: 1, starts: 1, audits: 1 });
  });

  it('200 requests at once make at most the cap of subscriptions; the rest reuse one or get 429', async () => {
    const account = await freshAccount();
    const session = await sessionFor(account);
    const results = await Promise.all(Array.from({ length: 200 }, () => quickpayStart(session)));
    const made = new Set(results.flatMap((r) => (isRefused(r) ? [] : [r.registrationId])));
    expect(made.size).toBeGreaterThanOrEqual(1);
    expect(made.size).toBeLessThanOrEqual(CAP);
    for (const r of results.filter(isRefused)) expect(r.reason).toBe('too-many');
    expect(await writtenFor(account)).toEqual({ registrations: made.size, starts: made.size, audits: made.size });
  });
});
