import { randomUUID } from 'node:crypto';
import { and, eq, inArray, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, campaignSends, mailOutbox, registrations } from '@/lib/db/schema';
import { isRefused } from '@/lib/domain/outcomes';
import { createMailer } from '@/lib/mail/mailer';
import { noteMailLinkOpened } from '@/lib/mail/outbox';
import { sendDueMail } from '@/lib/mail/send';
import { createSmtpTransport } from '@/lib/mail/transport';
import { appContext } from '@/lib/server/context';
import { sandbox } from '@/test/support/sandbox-control';
import { staffMember } from '@/test/support/staff-account-fixtures';
import { claimRefresh, readRefreshState, refreshCandidates } from './refresh';
import { drainCampaignSends, remindCampaign, sendCampaign, type CampaignDeps } from './send';
import { loadCampaign } from './state';
import { havblik } from '@/test/support/merchant-fixture';
import { runMaintenance } from '@/lib/maintenance/job';

beforeAll(async () => void (await appContext()));

/** The app's context with a mailer of the test's own; what runs "after the answer" is awaited by `settle()`. */
async function deps(): Promise<CampaignDeps & { settle: () => Promise<void>; deliver: (code: string) => Promise<void> }> {
  const ctx = await appContext();
  const smtpUrl = ctx.env.mail.smtpUrl ?? '';
  const mailer = createMailer({ db: ctx.db, smtpUrl, from: 'billing@havblik.test', merchant: havblik, schedule: () => undefined });
  const tasks: Array<Promise<unknown>> = [];
  const d: CampaignDeps = { ...ctx, mailer, later: (_name, task) => void tasks.push(task()) };
  const settle = async () => {
    await Promise.all(tasks.splice(0));
    await drainCampaignSends(d);
  };
  const deliver = async (code: string) => {
    const rows = await ctx.db
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      .where(and(eq(mailOutbox.accountCode, code), eq(mailOutbox.status, 'queued')));
    for (const r of rows)
      await sendDueMail({ db: ctx.db, transport: createSmtpTransport(smtpUrl), from: '"Havblik Billing" <billing@havblik.test>' }, { id: r.id });
  };
  return { ...d, settle, deliver };
}

/** An account of the test's own whose only card is a legacy `stripe` one. */
async function legacyAccount(language = 'en') {
  const made = await sandbox.fenerum.createAccount({ language });
  await sandbox.fenerum.addCards(made.code, 1, 5556, { gateway: 'stripe', expMonth: 8, expYear: 2030 });
  return { code: made.code, uuid: made.uuid, email: made.recipients[0]?.email ?? '' };
}

/** The candidates rebuilt from Fenerum now (waiting for a refresh another test may be running). */
async function refreshNow() {
  const ctx = await appContext();
  for (let i = 0; i < 100 && !(await claimRefresh(ctx.db, new Date())); i++) await new Promise((r) => setTimeout(r, 200));
  return refreshCandidates({ db: ctx.db, fenerum: ctx.fenerum });
}

const sendsOf = async (codes: string[]) => (await appContext()).db.select().from(campaignSends).where(inArray(campaignSends.accountCode, codes));

describe('the legacy-card campaign', () => {
  it('lists the legacy accounts, mails each once in its language, tracks opened and replaced, and reminds only those who did not act', async () => {
    const d = await deps();
    const accounts = [await legacyAccount('da'), await legacyAccount(), await legacyAccount()];
    const codes = accounts.map((a) => a.code);
    const modern = await sandbox.fenerum.createAccount();
    await sandbox.fenerum.addCards(modern.code, 1, 1234, { gateway: 'stripe' });
    await sandbox.fenerum.addCards(modern.code, 1, 4242); // a stripe_new card beside it: charged on that one

    const state = await refreshNow();
    expect(state).toMatchObject({ startedAt: null, lastError: null });
    expect(state?.calls).toBeGreaterThan(0);
    const listed = (await loadCampaign(d.db, 'legacy', new Date())).lines.map((l) => l.accountCode);
    expect(listed).toEqual(expect.arrayContaining(codes));
    expect(listed).not.toContain(modern.code);

    const actor = staffMember('operator');
    expect(await sendCampaign(d, { campaign: 'legacy', accountCodes: codes, actor, ip: '198.51.100.9' })).toEqual({ queued: 3, skipped: 0 });
    await d.settle();
    const sends = await sendsOf(codes);
    expect(sends.map((s) => [s.status, s.recipients.length, s.sentBy])).toEqual([
      ['sent', 1, actor.email],
      ['sent', 1, actor.email],
      ['sent', 1, actor.email],
    ]);
    for (const a of accounts) await d.deliver(a.code);
    const danish = await sandbox.mail.list(accounts[0]?.email);
    expect(danish.map((m) => m.subject)).toEqual(['Tilføj venligst dit betalingskort igen']);
    expect(danish[0]?.text).toContain('vil din bank bede dig godkende den næste betaling');
    expect(danish[0]?.text).toContain('Visa-kort, der ender på 5556');
    expect((await sandbox.mail.list(accounts[1]?.email)).map((m) => m.subject)).toEqual(['Please add your payment card again']);
    const [audited] = await d.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actor, actor.email), eq(auditLog.action, 'campaign.sent')));
    expect(audited?.details).toMatchObject({ campaign: 'legacy', accounts: codes, skipped: [] });

    // The same campaign again within the window: nothing new.
    expect(await sendCampaign(d, { campaign: 'legacy', accountCodes: codes, actor })).toEqual({ queued: 0, skipped: 3 });
    await d.settle();
    expect(await sendsOf(codes)).toHaveLength(3);

    // The first customer opens the link and adds a card through the portal; the second only opens it.
    const outbox = await d.db.select().from(mailOutbox).where(inArray(mailOutbox.accountCode, codes));
    const linkOf = (code: string) => outbox.find((m) => m.accountCode === code)?.linkId ?? '';
    await noteMailLinkOpened(d.db, linkOf(codes[0] ?? ''));
    await noteMailLinkOpened(d.db, linkOf(codes[1] ?? ''));
    await d.db.insert(registrations).values({
      id: randomUUID(),
      gateway: 'stripe_new',
      providerRef: `seti_${randomUUID()}`,
      accountCode: accounts[0]?.code ?? '',
      accountUuid: accounts[0]?.uuid ?? '',
      linkId: linkOf(codes[0] ?? ''),
      status: 'registered',
    });
    const view = await loadCampaign(d.db, 'legacy', new Date());
    const stateOf = (code: string) => view.lines.find((l) => l.accountCode === code)?.send?.state;
    expect(codes.map(stateOf)).toEqual(['replaced', 'opened', 'sent']);

    // Reminders after 0 days: the two who did not add a card, once.
    const reminded = await remindCampaign(d, { campaign: 'legacy', afterDays: 0, actor });
    expect(isRefused(reminded) ? reminded : reminded.reminded).toBeGreaterThanOrEqual(2);
    await d.settle();
    for (const a of accounts) await d.deliver(a.code);
    expect((await sandbox.mail.list(accounts[0]?.email)).map((m) => m.subject)).toEqual(['Tilføj venligst dit betalingskort igen']);
    for (const a of accounts.slice(1)) {
      expect((await sandbox.mail.list(a.email)).map((m) => m.subject).sort()).toEqual([
        'Please add your payment card again',
        'Reminder: Please add your payment card again',
      ]);
    }
    const after = await sendsOf(codes);
    expect(
      after
        .filter((s) => s.reminderStatus === 'sent')
        .map((s) => s.accountCode)
        .sort(),
    ).toEqual(codes.slice(1).sort());
    await remindCampaign(d, { campaign: 'legacy', afterDays: 0, actor });
    await d.settle();
    expect(
      await d.db
        .select()
        .from(mailOutbox)
        .where(and(inArray(mailOutbox.accountCode, codes), like(mailOutbox.eventKey, '%:reminder'))),
    ).toHaveLength(2);
  });

  it('refuses an account that is not on the list, an empty choice, and writes nothing', async () => {
    const d = await deps();
    const [listedAccount] = [await legacyAccount()];
    await refreshNow();
    const stranger = await sandbox.fenerum.createAccount();
    const before = (await readRefreshState(d.db))?.completedAt;
    const actor = staffMember('operator');
    const refusedOne = await sendCampaign(d, { campaign: 'legacy', accountCodes: [listedAccount?.code ?? '', stranger.code], actor });
    expect(refusedOne).toMatchObject({ kind: 'refused', reason: 'invalid-input', key: 'campaignNotListed', params: { account: stranger.code } });
    expect(await sendCampaign(d, { campaign: 'expiring', accountCodes: [listedAccount?.code ?? ''], actor })).toMatchObject({ key: 'campaignNotListed' });
    expect(await sendCampaign(d, { campaign: 'legacy', accountCodes: [' ', ''], actor })).toMatchObject({ key: 'campaignNoAccounts' });
    expect(await sendsOf([listedAccount?.code ?? '', stranger.code])).toEqual([]);
    expect(await d.db.select().from(auditLog).where(eq(auditLog.actor, actor.email))).toEqual([]);
    expect((await readRefreshState(d.db))?.completedAt).toEqual(before);
  });
});

describe('the expiring-card campaign', () => {
  it('lists an account whose card ends next month, and says so in the email', async () => {
    const d = await deps();
    const now = new Date();
    const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
    const made = await sandbox.fenerum.createAccount({ language: 'en' });
    await sandbox.fenerum.addCards(made.code, 1, 4444, { expMonth: next.getUTCMonth() + 1, expYear: next.getUTCFullYear() });
    await refreshNow();
    expect((await loadCampaign(d.db, 'expiring', now)).lines.map((l) => l.accountCode)).toContain(made.code);
    expect(await sendCampaign(d, { campaign: 'expiring', accountCodes: [made.code], actor: staffMember('operator') })).toEqual({ queued: 1, skipped: 0 });
    await d.settle();
    const [row] = await d.db.select().from(mailOutbox).where(eq(mailOutbox.accountCode, made.code));
    expect(row).toMatchObject({ kind: 'campaign-expiring', subject: 'Your payment card ends next month' });
    expect(row?.text).toContain('ending in 4444 expires');
  });
});

describe('campaign emails a restart left waiting', () => {
  it('are queued by the maintenance job, not by a page view; with Fenerum failing they wait for its next run', async () => {
    const d = await deps();
    const account = await legacyAccount();
    await refreshNow();
    // The operator's answer went out, then the process stopped before its drain after the answer ran.
    const stopped: CampaignDeps = { ...d, later: () => undefined };
    expect(await sendCampaign(stopped, { campaign: 'legacy', accountCodes: [account.code], actor: staffMember('operator') })).toEqual({
      queued: 1,
      skipped: 0,
    });
    expect(await sendsOf([account.code])).toMatchObject([{ status: 'pending' }]);

    const { db, stripe } = await appContext();
    const maintenance = { db, stripe, campaignSends: () => drainCampaignSends(d) };
    const settings = { expireStartedAfterHours: 24, inboxRetentionDays: 30, linkRetentionDays: 30 };
    await sandbox.fenerum.settings({ failNext: { status: 503, count: 1000, account: account.code } });
    try {
      expect(await runMaintenance(maintenance, settings)).toMatchObject({ campaignSends: 'left' });
    } finally {
      await sandbox.fenerum.settings({ failNext: null });
    }
    expect(await sendsOf([account.code])).toMatchObject([{ status: 'pending' }]);
    expect(await runMaintenance(maintenance, settings)).toMatchObject({ campaignSends: 'drained' });
    expect(await sendsOf([account.code])).toMatchObject([{ status: 'sent', recipients: [account.email] }]);
  });
});
