import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { issueCustomerLink, openCustomerLink } from '@/lib/auth/links';
import { signLinkToken } from '@/lib/auth/link-token';
import { openDatabase } from '@/lib/db/connect';
import { auditLog, mailOutbox } from '@/lib/db/schema';
import { appContext } from '@/lib/server/context';
import { sandbox } from '@/test/support/sandbox-control';
import { claimDueMail, listAccountMail, noteMailLinkOpened, statusOf } from './outbox';
import { queueCustomerEmail } from './queue';
import { sendClaimed } from './send';
import { createSmtpTransport } from './transport';
import { startMailWorker } from './worker';
import { quietMailer } from '@/test/support/mailer';

// The database and clients are built once, before the tests' own clocks start.
beforeAll(async () => void (await appContext()));

const pi = () => `pi_${Math.random().toString(36).slice(2, 14)}`;

describe('the mail worker', () => {
  it('two instances draining one outbox send each message exactly once', async () => {
    const ctx = await appContext();
    const acct = await sandbox.fenerum.createAccount();
    // Queued without a kick: the workers below do all the sending.
    const quiet = quietMailer(ctx);
    const keys = Array.from({ length: 12 }, () => `evt-${pi()}`);
    for (const eventKey of keys) {
      await queueCustomerEmail(
        { ...ctx, mailer: quiet },
        { eventKey, kind: 'approval-needed', accountCode: acct.code, paymentIntentId: pi(), amount: { minor: 100, currency: 'DKK' } },
      );
    }
    // A second instance: its own connection pool on the same database (on PGlite, the same embedded one).
    const other = process.env.DATABASE_URL ? await openDatabase({ url: process.env.DATABASE_URL, pgliteDir: 'memory://' }) : undefined;
    const smtpUrl = ctx.env.mail.smtpUrl ?? '';
    const a = startMailWorker({ db: ctx.db, transport: createSmtpTransport(smtpUrl), from: ctx.env.mail.from }, { idleMs: 20 });
    const b = startMailWorker({ db: other?.db ?? ctx.db, transport: createSmtpTransport(smtpUrl), from: ctx.env.mail.from }, { idleMs: 20 });
    try {
      await expect.poll(async () => (await listAccountMail(ctx.db, acct.code)).every((m) => m.status === 'sent'), { timeout: 20_000 }).toBe(true);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      await other?.close();
    }
    const rows = await ctx.db.select().from(mailOutbox).where(eq(mailOutbox.accountCode, acct.code));
    expect(rows).toHaveLength(keys.length);
    expect(rows.every((r) => r.attempts === 1)).toBe(true);
    const caught = await sandbox.mail.list(acct.recipients[0]?.email);
    expect(caught).toHaveLength(keys.length);
    expect(new Set(caught.map((m) => m.messageId)).size).toBe(keys.length);
  });

  it('a message whose sender died mid-send (lease ran out) is sent by the next claim', async () => {
    const ctx = await appContext();
    const acct = await sandbox.fenerum.createAccount();
    const quiet = quietMailer(ctx);
    const eventKey = `evt-${pi()}`;
    await queueCustomerEmail(
      { ...ctx, mailer: quiet },
      { eventKey, kind: 'card-expiring', accountCode: acct.code, card: { brand: 'Visa', last4: '1111', expMonth: 1, expYear: 2027 } },
    );
    // As a process that claimed it and died: `sending`, its lease already over.
    await ctx.db
      .update(mailOutbox)
      .set({ status: 'sending', leaseUntil: new Date(Date.now() - 1000), attempts: 1 })
      .where(eq(mailOutbox.eventKey, eventKey));
    const w = startMailWorker({ db: ctx.db, transport: createSmtpTransport(ctx.env.mail.smtpUrl ?? ''), from: ctx.env.mail.from }, { idleMs: 20 });
    try {
      await expect.poll(async () => (await listAccountMail(ctx.db, acct.code))[0]?.status, { timeout: 10_000 }).toBe('sent');
    } finally {
      await w.stop();
    }
    expect(await sandbox.mail.list(acct.recipients[0]?.email)).toHaveLength(1);
  });
});

describe('sendNow', () => {
  it('sends a queued message while the caller waits, and waits for one another sender holds', async () => {
    const ctx = await appContext();
    const acct = await sandbox.fenerum.createAccount();
    const mailer = quietMailer(ctx);
    const queue = async () => {
      const r = await queueCustomerEmail(
        { ...ctx, mailer },
        { eventKey: `evt-${pi()}`, kind: 'approval-needed', accountCode: acct.code, paymentIntentId: pi(), amount: { minor: 100, currency: 'DKK' } },
      );
      if (!('status' in r) || r.status !== 'queued' || !r.messages[0]) throw new Error('not queued');
      return r.messages[0].id;
    };
    const first = await queue();
    await mailer.sendNow(first);
    expect(await statusOf(ctx.db, first)).toBe('sent');

    // Held by another sender (claimed, not yet sent): sendNow returns once that sender is done.
    const second = await queue();
    const [held] = await claimDueMail(ctx.db, { limit: 1, id: second });
    if (!held) throw new Error('not claimed');
    const waiting = mailer.sendNow(second).then(() => statusOf(ctx.db, second));
    await sendClaimed({ db: ctx.db, transport: createSmtpTransport(ctx.env.mail.smtpUrl ?? ''), from: ctx.env.mail.from }, held);
    expect(await waiting).toBe('sent');
    expect(await sandbox.mail.list(acct.recipients[0]?.email)).toHaveLength(2);
  });
});

describe('link landing', () => {
  it('a link issued with a landing opens there; without one, on the portal; a bad one is refused', async () => {
    const ctx = await appContext();
    const acct = await sandbox.fenerum.createAccount();
    const landing = `/pay/approve/${pi()}`;
    const withLanding = await issueCustomerLink(ctx, { accountCode: acct.code, issuedBy: 'test', landing });
    const plain = await issueCustomerLink(ctx, { accountCode: acct.code, issuedBy: 'test' });
    if ('kind' in withLanding || 'kind' in plain) throw new Error('link refused');
    const token = (url: string) => new URL(url).pathname.split('/').pop() ?? '';
    expect(await openCustomerLink(ctx, token(withLanding.url))).toMatchObject({ ok: true, landing });
    expect(await openCustomerLink(ctx, token(plain.url))).toMatchObject({ ok: true, landing: '/pay' });
    for (const bad of ['https://evil.example/', '//evil.example', '/staff', '/pay/approve/pi_x/../../staff']) {
      expect(await issueCustomerLink(ctx, { accountCode: acct.code, issuedBy: 'test', landing: bad })).toMatchObject({
        kind: 'refused',
        reason: 'invalid-input',
      });
    }
  });

  it('a signed token naming a path off the allowlist lands on the portal, never there', async () => {
    const ctx = await appContext();
    const acct = await sandbox.fenerum.createAccount();
    const plain = await issueCustomerLink(ctx, { accountCode: acct.code, issuedBy: 'test' });
    if ('kind' in plain) throw new Error('link refused');
    const forged = signLinkToken({ lid: plain.id, acct: acct.code, exp: Math.floor(Date.now() / 1000) + 600, to: 'https://evil.example/' }, ctx.env.linkSecret);
    expect(await openCustomerLink(ctx, forged)).toMatchObject({ ok: true, landing: '/pay' });
  });

  it("opening a message's link marks the message opened", async () => {
    const ctx = await appContext();
    const acct = await sandbox.fenerum.createAccount();
    const quiet = quietMailer(ctx);
    await queueCustomerEmail(
      { ...ctx, mailer: quiet },
      { eventKey: `evt-${pi()}`, kind: 'approval-needed', accountCode: acct.code, paymentIntentId: pi(), amount: { minor: 1, currency: 'EUR' } },
    );
    const [row] = await ctx.db.select().from(mailOutbox).where(eq(mailOutbox.accountCode, acct.code));
    await noteMailLinkOpened(ctx.db, row?.linkId ?? '');
    await noteMailLinkOpened(ctx.db, row?.linkId ?? '');
    const [mail] = await listAccountMail(ctx.db, acct.code);
    expect(mail?.openedAt).toBeInstanceOf(Date);
    // Once in the audit log, however often the link is opened.
    const opened = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.accountCode, acct.code), eq(auditLog.action, 'mail.opened')));
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({ actor: 'customer', subject: row?.id });
  });
});
