import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { receiveQuickpayCallback } from '@/lib/cards/quickpay/callback';
import { auditLog, fenerumWebhookEvents, inbox, issuedLinks, registrations } from '@/lib/db/schema';
import { appContext } from '@/lib/server/context';
import { registration, startQuickpay } from '@/test/support/quickpay-fixtures';
import { freshAccountWithCards } from '@/test/support/staff-account-fixtures';
import { authorizeQuickpay, freshAccount } from '@/test/support/sandbox-control';
import { confirmWith, registerSetupIntentNow, setupIntentFor } from '@/test/support/stripe-fixtures';
import { expireStartedRegistrations, type ExpireDeps } from './expire-started';
import { runMaintenance } from './job';

const DAY = { olderThanHours: 24, limit: 10_000 };
const SETTINGS = { expireStartedAfterHours: 24, inboxRetentionDays: 30, linkRetentionDays: 30 };

async function deps(): Promise<ExpireDeps> {
  const { db, stripe } = await appContext();
  return { db, stripe };
}

/** Makes a registration look as if it was started `hours` ago. */
async function startedHoursAgo(providerRef: string, hours: number) {
  const { db } = await appContext();
  const [row] = await db
    .update(registrations)
    .set({ createdAt: sql`now() - ${`${hours} hours`}::interval` })
    .where(eq(registrations.providerRef, providerRef))
    .returning();
  if (!row) throw new Error(`no registration for ${providerRef}`);
  return row;
}

async function auditOf(subject: string, action: string) {
  const { db } = await appContext();
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.subject, subject), eq(auditLog.action, action)));
}

const intentStatus = async (id: string) => (await (await appContext()).stripe.setupIntents.retrieve(id)).status;

describe('expiring setups nobody finished', () => {
  it('a started row older than a day is expired, its SetupIntent canceled at Stripe and audited; a younger one is left alone', async () => {
    const account = await freshAccount();
    const old = await setupIntentFor(account);
    const young = await setupIntentFor(account);
    const oldRow = await startedHoursAgo(old.setupIntentId, 25);
    const youngRow = await startedHoursAgo(young.setupIntentId, 23);

    await expireStartedRegistrations(await deps(), DAY);

    expect((await registration(oldRow.id)).status).toBe('expired');
    expect(await intentStatus(old.setupIntentId)).toBe('canceled');
    const lines = await auditOf(old.setupIntentId, 'card.add_expired');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ actor: 'system', accountCode: account, details: { gateway: 'stripe_new', providerStatus: 'canceled' } });
    expect((await registration(youngRow.id)).status).toBe('started');
    expect(await intentStatus(young.setupIntentId)).toBe('requires_payment_method');
    expect(await auditOf(young.setupIntentId, 'card.add_expired')).toHaveLength(0);
  });

  it('two instances running at once expire each row once', async () => {
    const account = await freshAccount();
    const intents = await Promise.all([setupIntentFor(account), setupIntentFor(account), setupIntentFor(account)]);
    for (const i of intents) await startedHoursAgo(i.setupIntentId, 30);
    await Promise.all([expireStartedRegistrations(await deps(), DAY), expireStartedRegistrations(await deps(), DAY)]);
    for (const i of intents) {
      expect(await auditOf(i.setupIntentId, 'card.add_expired')).toHaveLength(1);
      expect(await intentStatus(i.setupIntentId)).toBe('canceled');
    }
  });

  it('a card the customer confirmed just before is not lost: Stripe keeps it, and the webhook’s re-check still registers it', async () => {
    const account = await freshAccount();
    const { setupIntentId } = await setupIntentFor(account);
    await confirmWith(setupIntentId);
    const row = await startedHoursAgo(setupIntentId, 25);
    await expireStartedRegistrations(await deps(), DAY);
    expect((await registration(row.id)).status).toBe('expired');
    expect(await intentStatus(setupIntentId)).toBe('succeeded');
    expect((await auditOf(setupIntentId, 'card.add_expired'))[0]?.details).toMatchObject({ providerStatus: 'succeeded' });
    expect(await registerSetupIntentNow(setupIntentId, account)).toMatchObject({ kind: 'registered', card: { last4: '4242' } });
  });

  it('an old QuickPay start expires too, and a window finished late is still queued by its callback', async () => {
    const account = await freshAccount();
    const { registration: reg } = await startQuickpay(account);
    await startedHoursAgo(reg.providerRef, 25);
    await expireStartedRegistrations(await deps(), DAY);
    expect((await registration(reg.id)).status).toBe('expired');
    const body = await authorizeQuickpay(reg.providerRef);
    const outcome = await receiveQuickpayCallback((await appContext()).db, body, 'Subscription', { acceptTestMode: true });
    expect(outcome).toMatchObject({ kind: 'queued', registration: { id: reg.id, status: 'queued' } });
  });

  it('when Stripe does not answer, the row goes back to started and a later run cancels it', async () => {
    const account = await freshAccount();
    const { setupIntentId } = await setupIntentFor(account);
    const row = await startedHoursAgo(setupIntentId, 25);
    const { db, stripe } = await deps();
    const down = {
      setupIntents: { cancel: () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { type: 'StripeConnectionError' })) },
    } as unknown as Pick<Stripe, 'setupIntents'>;
    await expireStartedRegistrations({ db, stripe: down }, DAY);
    expect((await registration(row.id)).status).toBe('started');
    expect(await auditOf(setupIntentId, 'card.add_expired')).toHaveLength(0);
    await expireStartedRegistrations({ db, stripe }, DAY);
    expect((await registration(row.id)).status).toBe('expired');
    expect(await intentStatus(setupIntentId)).toBe('canceled');
  });
});

describe('retention', () => {
  it('deletes inbox rows and expired links past their days, keeps younger ones, and keeps the audit log', async () => {
    const { db } = await appContext();
    const tag = randomUUID();
    const ago = (days: number) => sql`now() - ${`${days} days`}::interval`;
    await db.insert(inbox).values([
      { provider: 'test', eventKey: `${tag}-old`, payload: {}, receivedAt: ago(31) },
      { provider: 'test', eventKey: `${tag}-young`, payload: {}, receivedAt: ago(29) },
    ]);
    const link = (suffix: string, expiresAt: ReturnType<typeof ago>) => ({
      id: `${tag}-${suffix}`,
      accountCode: 'CUST001',
      accountUuid: 'u',
      issuedBy: 'test',
      expiresAt,
    });
    await db.insert(issuedLinks).values([link('long-expired', ago(31)), link('just-expired', ago(29)), link('live', ago(-7))]);
    await db.insert(auditLog).values({ actor: 'test', action: 'test.old', subject: tag, at: ago(4000) });

    const report = await runMaintenance(await deps(), SETTINGS);

    const events = await db
      .select({ key: inbox.eventKey })
      .from(inbox)
      .where(inArray(inbox.eventKey, [`${tag}-old`, `${tag}-young`]));
    expect(events.map((e) => e.key)).toEqual([`${tag}-young`]);
    const links = await db
      .select({ id: issuedLinks.id })
      .from(issuedLinks)
      .where(sql`${issuedLinks.id} like ${`${tag}-%`}`);
    expect(links.map((l) => l.id).sort()).toEqual([`${tag}-just-expired`, `${tag}-live`]);
    expect(report.deleted.inbox).toBeGreaterThanOrEqual(1);
    expect(report.deleted.links).toBeGreaterThanOrEqual(1);
    expect(await db.select().from(auditLog).where(eq(auditLog.subject, tag))).toHaveLength(1);
  });

  it('deletes Fenerum webhook records past the inbox’s days, handled or not, and keeps younger ones', async () => {
    const { db } = await appContext();
    const tag = randomUUID();
    const ago = (days: number) => sql`now() - ${`${days} days`}::interval`;
    const event = (suffix: string, days: number, status: 'handled' | 'failed') => ({
      eventKey: `${tag}-${suffix}`,
      event: 'payment.declined',
      status,
      payload: { event: 'payment.declined', data: {} },
      receivedAt: ago(days),
    });
    await db.insert(fenerumWebhookEvents).values([event('old-handled', 31, 'handled'), event('old-failed', 40, 'failed'), event('young', 29, 'handled')]);

    const report = await runMaintenance(await deps(), SETTINGS);

    const left = await db
      .select({ key: fenerumWebhookEvents.eventKey })
      .from(fenerumWebhookEvents)
      .where(sql`${fenerumWebhookEvents.eventKey} like ${`${tag}-%`}`);
    expect(left.map((e) => e.key)).toEqual([`${tag}-young`]);
    expect(report.deleted.webhookEvents).toBeGreaterThanOrEqual(2);
    const [said] = await db.select().from(auditLog).where(eq(auditLog.action, 'retention.deleted')).orderBy(desc(auditLog.id)).limit(1);
    expect(said?.details).toMatchObject({ fenerumWebhookEvents: report.deleted.webhookEvents });
  });
});

describe('the audit log', () => {
  /** The database's own words, whichever driver wrapped them. */
  async function refusal(run: () => Promise<unknown>): Promise<string> {
    try {
      await run();
    } catch (err) {
      const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : '';
      return `${err instanceof Error ? err.message : String(err)} ${cause}`;
    }
    return 'not refused';
  }

  it('is append-only: UPDATE, DELETE and TRUNCATE are refused by the database itself', async () => {
    const { db } = await appContext();
    const subject = randomUUID();
    await db.insert(auditLog).values({ actor: 'test', action: 'test.append_only', subject });
    const where = eq(auditLog.subject, subject);
    expect(await refusal(() => db.update(auditLog).set({ actor: 'someone else' }).where(where))).toMatch(/append-only: UPDATE/);
    expect(await refusal(() => db.delete(auditLog).where(where))).toMatch(/append-only: DELETE/);
    expect(await refusal(() => db.execute(sql`truncate audit_log`))).toMatch(/append-only: TRUNCATE/);
    expect(await db.select().from(auditLog).where(where)).toMatchObject([{ actor: 'test', action: 'test.append_only' }]);
  });

  it('a card disable whose last audit write was lost is completed by the job: the audit log and Fenerum agree', async () => {
    const ctx = await appContext();
    const account = await freshAccountWithCards();
    const request = randomUUID();
    // What disableCard leaves when its last write fails: the request row, and the card disabled at Fenerum.
    await ctx.db.insert(auditLog).values({
      actor: 'op@staff.example',
      action: 'card.disable_requested',
      accountCode: account.code,
      subject: account.visa.uuid,
      details: { request, reason: 'stolen', last4: '4242' },
      ip: '192.0.2.44',
      at: sql`now() - interval '10 minutes'`,
    });
    await ctx.fenerum.disablePaymentCard(account.visa.uuid, { email: 'op@staff.example' });

    const report = await runMaintenance({ ...(await deps()), fenerum: ctx.fenerum }, SETTINGS);
    expect(report.cardDisables.completed).toBeGreaterThanOrEqual(1);
    expect(await auditOf(account.visa.uuid, 'card.disabled')).toMatchObject([
      { actor: 'op@staff.example', ip: '192.0.2.44', details: { request, reason: 'stolen', completedBy: 'maintenance' } },
    ]);
  });
});
