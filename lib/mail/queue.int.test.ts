import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkLinkToken } from '@/lib/auth/link-token';
import { auditLog, issuedLinks, mailOutbox } from '@/lib/db/schema';
import { appContext } from '@/lib/server/context';
import { sandbox } from '@/test/support/sandbox-control';
import { merchantIdentity } from '@/lib/merchant/identity';
import { createMailer } from './mailer';
import { listAccountMail } from './outbox';
import { queueCustomerEmail, type QueueMailDeps } from './queue';
import { sendDueMail } from './send';
import { createSmtpTransport } from './transport';
import type { CustomerEmailInput } from './types';

// The database and clients are built once, before the tests' own clocks start.
beforeAll(async () => void (await appContext()));

const pi = () => `pi_${Math.random().toString(36).slice(2, 14)}`;
const approval = (accountCode: string, eventKey = `evt-${pi()}`, paymentIntentId = pi()): CustomerEmailInput => ({
  eventKey,
  kind: 'approval-needed',
  accountCode,
  paymentIntentId,
  amount: { minor: 49_900, currency: 'DKK' },
  card: { brand: 'Visa', last4: '4242', expMonth: 12, expYear: 2034 },
});

/** The app's context, with a mailer of the test's own: its retries come at once, its kick sends right away. */
async function deps(opts: { smtpUrl?: string; kick?: boolean; maxAttempts?: number } = {}): Promise<QueueMailDeps & { send: () => Promise<number> }> {
  const ctx = await appContext();
  const smtpUrl = opts.smtpUrl ?? ctx.env.mail.smtpUrl ?? '';
  const pending: Array<Promise<unknown>> = [];
  const mailer = createMailer({
    db: ctx.db,
    smtpUrl,
    from: ctx.env.mail.from,
    merchant: merchantIdentity(ctx.env),
    schedule: (_name, task) => void (opts.kick === false ? undefined : pending.push(task())),
    retryDelayMs: () => 0,
  });
  const sendDeps = { db: ctx.db, transport: createSmtpTransport(smtpUrl), from: ctx.env.mail.from, retryDelayMs: () => 0, maxAttempts: opts.maxAttempts };
  return {
    ...ctx,
    mailer,
    send: async () => {
      await Promise.allSettled(pending.splice(0));
      return sendDueMail(sendDeps);
    },
  };
}

/** A fresh account of the test's own with one recipient (invoices and payment confirmations): `to` is its address. */
async function account(language?: string) {
  const made = await sandbox.fenerum.createAccount(language ? { language } : {});
  return { ...made, to: made.recipients[0]?.email ?? '' };
}

async function rowsFor(eventKey: string) {
  return (await appContext()).db.select().from(mailOutbox).where(eq(mailOutbox.eventKey, eventKey));
}

describe('queueCustomerEmail', () => {
  it('mails the approval once, in English, with a fresh link that lands on the approval page', async () => {
    const acct = await account('en');
    const d = await deps();
    const input = approval(acct.code);
    const first = await queueCustomerEmail(d, input);
    expect(first).toMatchObject({ status: 'queued', messages: [{ to: acct.to, locale: 'en', fresh: true }] });
    await d.send();
    const again = await queueCustomerEmail(d, input);
    expect(again).toMatchObject({ status: 'already-queued' });
    await d.send();

    const caught = await sandbox.mail.list(acct.to);
    expect(caught).toHaveLength(1);
    const mail = caught[0];
    expect(mail?.subject.replace(/\u00a0/g, ' ')).toBe('Please approve your payment of DKK 499.00');
    expect(mail?.text).toContain('Visa card ending in 4242');
    const link = mail?.links.find((l) => l.includes('/pay/'));
    const token = new URL(link ?? 'http://x/').pathname.split('/').pop() ?? '';
    const check = checkLinkToken(token, d.env.linkSecret, Date.now());
    expect(check.ok && check.payload.to).toBe(`/pay/approve/${input.kind === 'approval-needed' ? input.paymentIntentId : ''}`);
    expect(check.ok && check.payload.acct).toBe(acct.code);

    // One link minted for the one message; the repeat minted none.
    const links = await d.db.select().from(issuedLinks).where(eq(issuedLinks.accountCode, acct.code));
    expect(links).toHaveLength(1);
    const [row] = await rowsFor(input.eventKey);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, linkId: links[0]?.id });
    expect(row?.providerMessageId).toContain(row?.id);
  });

  it('the same event delivered five times at once: one row, one message', async () => {
    const acct = await account();
    const d = await deps();
    const input = approval(acct.code);
    const results = await Promise.all(Array.from({ length: 5 }, () => queueCustomerEmail(d, input)));
    expect(results.filter((r) => 'status' in r && r.status === 'queued')).toHaveLength(1);
    await d.send();
    expect(await rowsFor(input.eventKey)).toHaveLength(1);
    expect(await sandbox.mail.list(acct.to)).toHaveLength(1);
    // Links minted by a delivery that lost the race are revoked: only the sent one opens.
    const live = (await d.db.select().from(issuedLinks).where(eq(issuedLinks.accountCode, acct.code))).filter((l) => !l.revokedAt);
    expect(live).toHaveLength(1);
  });

  it('writes a Danish account in Danish, and an expiring card lands on the add-card view', async () => {
    const acct = await account('da');
    const d = await deps();
    const result = await queueCustomerEmail(d, {
      eventKey: `exp-${pi()}`,
      kind: 'card-expiring',
      accountCode: acct.code,
      card: { brand: 'Mastercard', last4: '5454', expMonth: 12, expYear: 2026 },
    });
    expect(result).toMatchObject({ status: 'queued', messages: [{ locale: 'da' }] });
    await d.send();
    const [mail] = await sandbox.mail.list(acct.to);
    expect(mail?.subject).toBe('Dit betalingskort udløber i denne måned');
    expect(mail?.language).toBe('da');
    expect(mail?.text).toContain('Mastercard-kort, der slutter på 5454, udløber 12/26');
    const token = new URL(mail?.links[0] ?? 'http://x/').pathname.split('/').pop() ?? '';
    const check = checkLinkToken(token, d.env.linkSecret, Date.now());
    expect(check.ok && check.payload.to).toBe('/pay#add-card');
  });

  it('SMTP down: the message waits and is retried, then sent once', async () => {
    const acct = await account();
    const down = await deps({ smtpUrl: 'smtp://127.0.0.1:9' }); // nothing listens on the discard port
    const input = approval(acct.code);
    expect(await queueCustomerEmail(down, input)).toMatchObject({ status: 'queued' });
    await down.send();
    const [waiting] = await rowsFor(input.eventKey);
    expect(waiting).toMatchObject({ status: 'queued', sentAt: null });
    expect(waiting?.attempts).toBeGreaterThanOrEqual(1);
    expect(waiting?.lastError).toBeTruthy();
    expect(await sandbox.mail.list(acct.to)).toHaveLength(0);

    const up = await deps();
    await expect.poll(async () => (await up.send(), (await rowsFor(input.eventKey))[0]?.status), { timeout: 10_000 }).toBe('sent');
    expect(await sandbox.mail.list(acct.to)).toHaveLength(1);
  });

  it('a recipient the server refuses for now (451) gets the message on a later try, once', async () => {
    const acct = await account();
    await sandbox.mail.refuse(acct.to, 2);
    const d = await deps();
    const input = approval(acct.code);
    await queueCustomerEmail(d, input);
    await expect.poll(async () => (await d.send(), (await rowsFor(input.eventKey))[0]?.status), { timeout: 10_000 }).toBe('sent');
    const [row] = await rowsFor(input.eventKey);
    expect(row?.attempts).toBe(3);
    expect(await sandbox.mail.list(acct.to)).toHaveLength(1);
  });

  it('a message still refused at its last try fails for good: audited once, never tried again', async () => {
    const acct = await account();
    await sandbox.mail.refuse(acct.to, 10);
    const d = await deps({ kick: false, maxAttempts: 3 });
    const input = approval(acct.code);
    await queueCustomerEmail(d, input);
    await expect.poll(async () => (await d.send(), (await rowsFor(input.eventKey))[0]?.status), { timeout: 10_000 }).toBe('failed');
    const [row] = await rowsFor(input.eventKey);
    expect(row?.attempts).toBe(3);
    expect(row?.lastError).toBeTruthy();
    await d.send();
    expect((await rowsFor(input.eventKey))[0]?.attempts).toBe(3);
    const { db } = await appContext();
    const failed = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subject, row?.id ?? ''), eq(auditLog.action, 'mail.failed')));
    expect(failed).toHaveLength(1);
    expect(failed[0]?.details).toMatchObject({ attempts: 3, to: acct.to });
    expect(await sandbox.mail.list(acct.to)).toHaveLength(0);
  });

  it('records the queued and sent message for the staff timeline', async () => {
    const acct = await account();
    const d = await deps();
    const input = approval(acct.code);
    await queueCustomerEmail(d, input);
    await d.send();
    const [mail] = await listAccountMail(d.db, acct.code);
    expect(mail).toMatchObject({ kind: 'approval-needed', eventKey: input.eventKey, status: 'sent', openedAt: null });
    expect(mail?.sentAt).toBeInstanceOf(Date);
  });

  it('refuses bad input and unknown accounts, and writes nothing', async () => {
    const d = await deps({ kick: false });
    expect(await queueCustomerEmail(d, { ...approval('NO-SUCH-ACCOUNT-XYZ') })).toMatchObject({ kind: 'refused', reason: 'not-found' });
    const acct = await account();
    expect(await queueCustomerEmail(d, approval(acct.code, ''))).toMatchObject({ kind: 'refused', reason: 'invalid-input' });
    expect(await queueCustomerEmail(d, approval(acct.code, 'x'.repeat(301)))).toMatchObject({ kind: 'refused', reason: 'invalid-input' });
    expect(await queueCustomerEmail(d, approval(acct.code, `evt-${pi()}`, 'pi_../../evil'))).toMatchObject({ kind: 'refused', reason: 'invalid-input' });
    expect(await listAccountMail(d.db, acct.code)).toHaveLength(0);
    expect(await d.db.select().from(issuedLinks).where(eq(issuedLinks.accountCode, acct.code))).toHaveLength(0);
  });

  it('an account with no recipient who takes payment confirmations or invoices: nothing queued, and staff see why once', async () => {
    const ctx = await appContext();
    const d = await deps();
    const none = await sandbox.fenerum.createAccount({ recipients: [] });
    const subsOnly = await sandbox.fenerum.createAccount({
      recipients: [
        { email: `subs-${pi()}@example.com`, receive_invoice: false, receive_payment_confirmation: false, receive_subscription_notifications: true },
      ],
    });
    for (const acct of [none, subsOnly]) {
      const input = approval(acct.code);
      expect(await queueCustomerEmail(d, input)).toEqual({ status: 'no-recipient' });
      expect(await queueCustomerEmail(d, input)).toEqual({ status: 'no-recipient' });
      expect(await listAccountMail(ctx.db, acct.code)).toHaveLength(0);
      expect(await d.db.select().from(issuedLinks).where(eq(issuedLinks.accountCode, acct.code))).toHaveLength(0);
      const noted = await d.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.accountCode, acct.code), eq(auditLog.action, 'mail.not_sent')));
      expect(noted.map((r) => r.details)).toEqual([{ kind: 'approval-needed', eventKey: input.eventKey, reason: 'no-recipient' }]);
    }
    expect(await sandbox.mail.list(subsOnly.recipients[0]?.email)).toHaveLength(0);
  });
});

describe('who gets the email: the account’s recipients (Fenerum keeps no address on the account)', () => {
  const addr = (who: string) => `${who}-${pi()}@example.com`;

  it('each recipient who takes payment confirmations gets one message with a link of their own; an invoice-only recipient none', async () => {
    const [pay1, pay2, invoice] = [addr('pay1'), addr('pay2'), addr('invoice')];
    const acct = await sandbox.fenerum.createAccount({
      recipients: [{ email: pay1 }, { email: pay2, receive_invoice: false }, { email: invoice, receive_payment_confirmation: false }],
    });
    const d = await deps();
    const input = approval(acct.code);
    const result = await queueCustomerEmail(d, input);
    expect(result).toMatchObject({ status: 'queued' });
    expect('messages' in result && result.messages.map((m) => m.to).sort()).toEqual([pay1, pay2].sort());
    await d.send();
    expect(await queueCustomerEmail(d, input)).toMatchObject({ status: 'already-queued' });
    await d.send();
    expect(await sandbox.mail.list(pay1)).toHaveLength(1);
    expect(await sandbox.mail.list(pay2)).toHaveLength(1);
    expect(await sandbox.mail.list(invoice)).toHaveLength(0);
    const rows = await rowsFor(input.eventKey);
    expect(rows.map((r) => r.recipient).sort()).toEqual([pay1, pay2].sort());
    expect(new Set(rows.map((r) => r.linkId)).size).toBe(2);
    const queued = await d.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.accountCode, acct.code), eq(auditLog.action, 'mail.queued')));
    expect(queued.map((r) => r.details.to).sort()).toEqual([pay1, pay2].sort());
  });

  it('falls back to the invoice recipient when nobody takes payment confirmations', async () => {
    const [invoice, subs] = [addr('invoice'), addr('subs')];
    const acct = await sandbox.fenerum.createAccount({
      recipients: [
        { email: subs, receive_invoice: false, receive_payment_confirmation: false, receive_subscription_notifications: true },
        { email: invoice, receive_payment_confirmation: false },
      ],
    });
    const d = await deps();
    expect(await queueCustomerEmail(d, approval(acct.code))).toMatchObject({ status: 'queued', messages: [{ to: invoice }] });
    await d.send();
    expect(await sandbox.mail.list(invoice)).toHaveLength(1);
    expect(await sandbox.mail.list(subs)).toHaveLength(0);
  });

  it('a recipient of another account, returned because Fenerum ignored the filter, is never emailed', async () => {
    const [mine, theirs] = [addr('mine'), addr('theirs')];
    const other = await sandbox.fenerum.createAccount({ recipients: [{ email: theirs }] });
    const acct = await sandbox.fenerum.createAccount({ recipients: [{ email: mine }] });
    const d = await deps();
    await sandbox.fenerum.settings({ recipientListAccountFilter: 'ignore' });
    try {
      expect(await queueCustomerEmail(d, approval(acct.code))).toMatchObject({ status: 'queued', messages: [{ to: mine }] });
      await d.send();
    } finally {
      await sandbox.fenerum.settings({ recipientListAccountFilter: 'code' });
    }
    expect(await sandbox.mail.list(mine)).toHaveLength(1);
    expect(await sandbox.mail.list(theirs)).toHaveLength(0);
    expect(await listAccountMail(d.db, other.code)).toHaveLength(0);
  });

  it('when Fenerum filters recipients by uuid (a code refused), the recipient still gets the email', async () => {
    const to = addr('uuid');
    const acct = await sandbox.fenerum.createAccount({ recipients: [{ email: to }] });
    const d = await deps();
    await sandbox.fenerum.settings({ recipientListAccountFilter: 'uuid' });
    try {
      expect(await queueCustomerEmail(d, approval(acct.code))).toMatchObject({ status: 'queued', messages: [{ to }] });
    } finally {
      await sandbox.fenerum.settings({ recipientListAccountFilter: 'code' });
    }
    await d.send();
    expect(await sandbox.mail.list(to)).toHaveLength(1);
  });

  it('with the undocumented billing_email switched on, the recipient still gets the email and the billing address none', async () => {
    const [billing, recipient] = [addr('billing'), addr('recipient')];
    await sandbox.fenerum.settings({ accountBillingEmail: true });
    try {
      const acct = await sandbox.fenerum.createAccount({ email: billing, recipients: [{ email: recipient }] });
      expect(acct.billing_email).toBe(billing);
      const d = await deps();
      expect(await queueCustomerEmail(d, approval(acct.code))).toMatchObject({ status: 'queued', messages: [{ to: recipient }] });
      await d.send();
    } finally {
      await sandbox.fenerum.settings({ accountBillingEmail: false });
    }
    expect(await sandbox.mail.list(recipient)).toHaveLength(1);
    expect(await sandbox.mail.list(billing)).toHaveLength(0);
  });
});
