import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { mailOutbox } from '@/lib/db/schema';
import { merchantIdentity } from '@/lib/merchant/identity';
import { appContext } from '@/lib/server/context';
import { sandbox } from '@/test/support/sandbox-control';
import { auditRows } from '@/test/support/staff-account-fixtures';
import { createPortalCache } from '@/lib/cards/portal';
import { FenerumError } from '@/lib/fenerum/errors';
import { retryCardNotices, sendCardNotice, type CardChange, type CardNoticeDeps } from './card-notice';

beforeAll(async () => void (await appContext()));

const visa = { brand: 'Visa', last4: '4242', expMonth: 12, expYear: 2034 };

async function deps(windowMs?: number): Promise<CardNoticeDeps> {
  const ctx = await appContext();
  // No sending here: the outbox holds what would go out.
  return {
    ...ctx,
    mailer: { enabled: true, kick: () => undefined, merchant: merchantIdentity(ctx.env) },
    support: 'Nordlys Billing (billing@nordlys.dk)',
    windowMs,
  };
}

async function notices(accountCode: string) {
  const { db } = await appContext();
  return db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.accountCode, accountCode), eq(mailOutbox.kind, 'card-notice')));
}

const change = (accountCode: string, over: Partial<CardChange> = {}): CardChange => ({ accountCode, change: 'added', card: visa, by: 'customer', ...over });

describe('the security notice when a card is added or removed', () => {
  it('goes to the account’s recipient in the account’s language: the card, and whom to contact', async () => {
    const account = await sandbox.fenerum.createAccount({ language: 'da' });
    expect(await sendCardNotice(await deps(), change(account.code, { change: 'removed', by: 'staff' }))).toBe('queued');
    const [mail, ...more] = await notices(account.code);
    expect(more).toHaveLength(0);
    expect(mail).toMatchObject({ recipient: account.recipients[0]?.email, locale: 'da', subject: 'Et betalingskort er fjernet fra din konto' });
    expect(mail?.text).toContain('4242');
    expect(mail?.text).toContain('Var det ikke dig? Kontakt Nordlys Billing (billing@nordlys.dk)');
    expect(await auditRows(account.code, 'card.notice_queued')).toMatchObject([{ details: { change: 'removed', by: 'staff', last4: '4242' } }]);
  });

  it('says a card was added, in English for an English account', async () => {
    const account = await sandbox.fenerum.createAccount({ language: 'en' });
    await sendCardNotice(await deps(), change(account.code));
    const [mail] = await notices(account.code);
    expect(mail).toMatchObject({ locale: 'en', subject: 'A payment card was added to your account' });
    expect(mail?.text).toContain('A Visa card ending in 4242 was added');
  });

  it('is sent at most once per account in the window: a second change is held (and audited), another account is not held', async () => {
    const account = await sandbox.fenerum.createAccount();
    const other = await sandbox.fenerum.createAccount();
    const d = await deps();
    expect(await sendCardNotice(d, change(account.code))).toBe('queued');
    expect(await sendCardNotice(d, change(account.code, { change: 'removed' }))).toBe('held');
    expect(await sendCardNotice(d, change(other.code))).toBe('queued');
    expect(await notices(account.code)).toHaveLength(1);
    expect(await auditRows(account.code, 'card.notice_held')).toHaveLength(1);
  });

  it('holds all but one of changes that race each other', async () => {
    const account = await sandbox.fenerum.createAccount();
    const d = await deps();
    const results = await Promise.all(Array.from({ length: 5 }, () => sendCardNotice(d, change(account.code))));
    expect(results.filter((r) => r === 'queued')).toHaveLength(1);
    expect(await notices(account.code)).toHaveLength(1);
  });

  it('goes out again once the window has passed', async () => {
    const account = await sandbox.fenerum.createAccount();
    const d = await deps(200);
    expect(await sendCardNotice(d, change(account.code))).toBe('queued');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await sendCardNotice(d, change(account.code, { change: 'removed' }))).toBe('queued');
    expect(await notices(account.code)).toHaveLength(2);
  });

  it('is not lost when Fenerum cannot be asked for the recipients: deferred, then queued once by the maintenance pass', async () => {
    const account = await sandbox.fenerum.createAccount({ language: 'en' });
    const d = await deps();
    const spent = () => Promise.reject(new FenerumError({ kind: 'over_budget', status: 0, retryAfterSeconds: 30, priority: 'bulk', operation: 'test' }));
    // A cold portal cache: an account looked up a moment ago would spare the Fenerum call.
    const cold = { ...d, fenerum: { ...d.fenerum, getAccount: spent, listRecipients: spent }, portalCache: createPortalCache() };
    expect(await sendCardNotice(cold, change(account.code))).toBe('deferred');
    expect(await notices(account.code)).toHaveLength(0);
    expect(await auditRows(account.code, 'card.notice_queued')).toHaveLength(1);

    // The budget is back: the pass queues it, with the card it was about; a second pass finds nothing to do for it.
    const first = await retryCardNotices(d, { limit: 1_000, firstAttemptMs: 0 });
    expect(first.queued).toBeGreaterThanOrEqual(1);
    const [mail, ...more] = await notices(account.code);
    expect(more).toHaveLength(0);
    expect(mail).toMatchObject({ subject: 'A payment card was added to your account' });
    expect(mail?.text).toContain('A Visa card ending in 4242 was added');
    await retryCardNotices(d, { limit: 1_000, firstAttemptMs: 0 });
    expect(await notices(account.code)).toHaveLength(1);
  });

  it('with no mail server, is not sent, says so on the timeline, and is not tried again', async () => {
    const account = await sandbox.fenerum.createAccount();
    const d = await deps();
    const off = { ...d, mailer: { ...d.mailer, enabled: false } };
    expect(await sendCardNotice(off, change(account.code))).toBe('not-sent');
    expect(await auditRows(account.code, 'card.notice_not_sent')).toMatchObject([{ details: { why: 'mailOff', last4: '4242' } }]);
    await retryCardNotices(d, { limit: 1_000, firstAttemptMs: 0 });
    expect(await notices(account.code)).toHaveLength(0);
  });
});
