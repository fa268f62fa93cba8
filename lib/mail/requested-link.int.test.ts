import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { issueCustomerLink } from '@/lib/auth/links';
import { checkLinkToken, signLinkToken } from '@/lib/auth/link-token';
import { askForLink, askForSession, signAsk } from '@/lib/auth/new-link-ask';
import { auditLog, linkRequests, mailOutbox } from '@/lib/db/schema';
import { isRefused } from '@/lib/domain/outcomes';
import { appContext } from '@/lib/server/context';
import { sandbox } from '@/test/support/sandbox-control';
import { addressKey, LINK_REQUESTS_PER_HOUR } from './link-request-budget';
import { requestNewLink, type RequestedLinkDeps } from './requested-link';
import { sendDueMail } from './send';
import { createSmtpTransport } from './transport';
import { quietMailer } from '@/test/support/mailer';

beforeAll(async () => void (await appContext()));

/**
 * The app's context with a mailer and a `later` of the test's own: what runs after the answer is
 * kept, and `settle()` waits for it and sends what it queued.
 */
async function deps(): Promise<RequestedLinkDeps & { settle: () => Promise<unknown[]> }> {
  const ctx = await appContext();
  const smtpUrl = ctx.env.mail.smtpUrl ?? '';
  const after: Array<Promise<unknown>> = [];
  const mailer = quietMailer(ctx, { retryDelayMs: () => 0 });
  const sendDeps = { db: ctx.db, transport: createSmtpTransport(smtpUrl), from: ctx.env.mail.from, retryDelayMs: () => 0 };
  return {
    ...ctx,
    mailer,
    later: (_name, task) => void after.push(task()),
    settle: async () => {
      const done = await Promise.all(after.splice(0));
      await sendDueMail(sendDeps);
      return done;
    },
  };
}

/** A fresh account with one recipient (its address `to`), and the form value an expired link of it gives. */
async function accountWithExpiredLink(d: RequestedLinkDeps) {
  const made = await sandbox.fenerum.createAccount({ language: 'en' });
  const link = await issueCustomerLink(d, { accountCode: made.code, issuedBy: 'test', expiresIn: '1h' });
  if (isRefused(link)) throw new Error('no link');
  const token = new URL(link.url).pathname.split('/').pop() ?? '';
  const [data = ''] = token.split('.');
  const { v: _v, ...payload } = JSON.parse(Buffer.from(data, 'base64url').toString()) as { v: 1; lid: string; acct: string; exp: number };
  const expired = signLinkToken({ ...payload, exp: Math.floor(Date.now() / 1000) - 60 }, d.env.linkSecret);
  expect(checkLinkToken(expired, d.env.linkSecret, Date.now())).toEqual({ ok: false, reason: 'expired' });
  const ask = await askForLink(d.db, expired, d.env.linkSecret, Date.now());
  if (!ask) throw new Error('no form for an expired link');
  return { ...made, to: made.recipients[0]?.email ?? '', linkId: link.id, ask };
}

const countFor = async (d: RequestedLinkDeps, accountCode: string) =>
  (
    await d.db
      .select({ n: sql<number>`count(*)::int` })
      .from(linkRequests)
      .where(eq(linkRequests.accountCode, accountCode))
  )[0]?.n ?? 0;
const requestedLines = (d: RequestedLinkDeps, accountCode: string) =>
  d.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.accountCode, accountCode), eq(auditLog.action, 'link.requested')));

describe('"email me a new link"', () => {
  it('a recipient’s address (any case): a fresh link in the mailbox that opens the same account; traced as asked by the customer', async () => {
    const d = await deps();
    const acct = await accountWithExpiredLink(d);
    const result = await requestNewLink(d, { ask: acct.ask, email: `  ${acct.to.toUpperCase()} `, locale: 'en', ip: '203.0.113.9' });
    expect(result).toEqual({ status: 'taken' });
    const [sent] = await d.settle();
    expect(sent).toMatchObject({ status: 'queued' });

    const mails = await sandbox.mail.list(acct.to);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe('Your new link to the card portal');
    expect(mails[0]?.text).toContain('You asked for a new link');
    const link = mails[0]?.links.find((l) => new URL(l).pathname.startsWith('/pay/')) ?? '';
    const check = checkLinkToken(new URL(link).pathname.split('/').pop() ?? '', d.env.linkSecret, Date.now());
    expect(check.ok && check.payload.acct).toBe(acct.code);

    const [line, ...more] = await requestedLines(d, acct.code);
    expect(more).toHaveLength(0);
    expect(line).toMatchObject({ actor: 'customer', subject: acct.linkId, ip: '203.0.113.9', details: { matched: true, to: acct.to } });
    const [row] = await d.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.accountCode, acct.code), eq(mailOutbox.kind, 'requested-link')));
    expect(row).toMatchObject({ recipient: acct.to, sentBy: null, status: 'sent' });
  });

  it('an address that is no recipient: the same answer, no email, no link; the timeline line masks the address', async () => {
    const d = await deps();
    const acct = await accountWithExpiredLink(d);
    const stranger = `someone-${Date.now()}@example.org`;
    expect(await requestNewLink(d, { ask: acct.ask, email: stranger, locale: 'en' })).toEqual({ status: 'taken' });
    const [done] = await d.settle();
    expect(done).toEqual({ status: 'not-a-recipient' });
    expect(await sandbox.mail.list(stranger)).toHaveLength(0);
    expect(await sandbox.mail.list(acct.to)).toHaveLength(0);
    expect(await d.db.select().from(mailOutbox).where(eq(mailOutbox.accountCode, acct.code))).toHaveLength(0);
    const [line] = await requestedLines(d, acct.code);
    expect(line?.details).toEqual({ matched: false, address: 's•••@example.org' });
    expect(JSON.stringify(line)).not.toContain(stranger);
  });

  it('ten requests an hour per account are taken; the eleventh is held back (matched or not alike), and not counted', async () => {
    const d = await deps();
    d.later = () => undefined; // the cap is all this test is about
    const acct = await accountWithExpiredLink(d);
    for (let i = 0; i < LINK_REQUESTS_PER_HOUR; i++) {
      const email = i % 2 ? acct.to : `other-${i}-${Date.now()}@example.org`;
      expect(await requestNewLink(d, { ask: acct.ask, email, locale: 'en' }), `request ${i + 1}`).toEqual({ status: 'taken' });
    }
    for (const email of [acct.to, `new-${Date.now()}@example.org`]) {
      const held = await requestNewLink(d, { ask: acct.ask, email, locale: 'en' });
      expect(held).toMatchObject({ kind: 'refused', reason: 'too-many', key: 'newLinkHeldBack' });
      expect(isRefused(held) && held.retryAfterSeconds).toBeGreaterThan(3000);
    }
    expect(await countFor(d, acct.code)).toBe(LINK_REQUESTS_PER_HOUR);
  });

  it('ten requests an hour per address, across accounts', async () => {
    const d = await deps();
    d.later = () => undefined;
    const address = `busy-${Date.now()}@example.org`;
    const ask = (i: number) => signAsk({ accountCode: `ADDR-CAP-${Date.now()}-${i}`, linkId: `l-${i}` }, d.env.linkSecret, Date.now());
    for (let i = 0; i < LINK_REQUESTS_PER_HOUR; i++)
      expect(await requestNewLink(d, { ask: ask(i), email: address, locale: 'en' })).toEqual({ status: 'taken' });
    expect(await requestNewLink(d, { ask: ask(99), email: address.toUpperCase(), locale: 'en' })).toMatchObject({ reason: 'too-many' });
    const key = addressKey(address, d.env.linkSecret);
    expect((await d.db.select().from(linkRequests).where(eq(linkRequests.addressKey, key))).length).toBe(LINK_REQUESTS_PER_HOUR);
  });

  it('fifteen at once for one account: exactly ten taken', async () => {
    const d = await deps();
    d.later = () => undefined;
    const acct = await accountWithExpiredLink(d);
    const results = await Promise.all(
      Array.from({ length: 15 }, (_, i) => requestNewLink(d, { ask: acct.ask, email: `race-${i}-${Date.now()}@example.org`, locale: 'en' })),
    );
    expect(results.filter((r) => !isRefused(r))).toHaveLength(LINK_REQUESTS_PER_HOUR);
    expect(await countFor(d, acct.code)).toBe(LINK_REQUESTS_PER_HOUR);
  });

  it('bad input is refused with a sentence and writes nothing: a stale, changed or foreign form value, a malformed or oversized address', async () => {
    const d = await deps();
    const acct = await accountWithExpiredLink(d);
    const [data = '', sig = ''] = acct.ask.split('.');
    const payload = JSON.parse(Buffer.from(data, 'base64url').toString()) as Record<string, unknown>;
    const reAddressed = `${Buffer.from(JSON.stringify({ ...payload, acct: 'CUST001' })).toString('base64url')}.${sig}`;
    const stale = signAsk({ accountCode: acct.code, linkId: acct.linkId }, d.env.linkSecret, Date.now() - 2 * 3600_000);
    const linkToken = signLinkToken({ lid: acct.linkId, acct: acct.code, exp: Math.floor(Date.now() / 1000) + 60 }, d.env.linkSecret);
    for (const ask of ['', 'x.y', reAddressed, stale, linkToken]) {
      expect(await requestNewLink(d, { ask, email: acct.to, locale: 'en' })).toMatchObject({ reason: 'invalid-input', key: 'newLinkFormStale' });
    }
    for (const email of ['', 'not-an-address', `${'a'.repeat(250)}@example.org`, 'a@b\u0000.dk', 'two@one.dk, three@one.dk']) {
      expect(await requestNewLink(d, { ask: acct.ask, email, locale: 'en' }), email).toMatchObject({ reason: 'invalid-input', key: 'newLinkAddress' });
    }
    expect(await countFor(d, acct.code)).toBe(0);
    expect(await countFor(d, 'CUST001')).toBe(0);
    await d.settle();
    expect(await sandbox.mail.list(acct.to)).toHaveLength(0);
    expect(await requestedLines(d, acct.code)).toHaveLength(0);
  });

  it('another account cannot be targeted: its recipient’s address on this account’s form gets nothing, and neither account mails it', async () => {
    const d = await deps();
    const mine = await accountWithExpiredLink(d);
    const theirs = await sandbox.fenerum.createAccount({ language: 'en' });
    const theirAddress = theirs.recipients[0]?.email ?? '';
    expect(await requestNewLink(d, { ask: mine.ask, email: theirAddress, locale: 'en' })).toEqual({ status: 'taken' });
    expect(await d.settle()).toEqual([{ status: 'not-a-recipient' }]);
    expect(await sandbox.mail.list(theirAddress)).toHaveLength(0);
    expect(await d.db.select().from(mailOutbox).where(eq(mailOutbox.accountCode, theirs.code))).toHaveLength(0);
    expect(await requestedLines(d, theirs.code)).toHaveLength(0);
  });

  it('an ended session’s form names its account; the new link lands where the old one did', async () => {
    const d = await deps();
    const made = await sandbox.fenerum.createAccount({ language: 'da' });
    const pi = `pi_${Math.random().toString(36).slice(2, 14)}`;
    const old = await issueCustomerLink(d, { accountCode: made.code, issuedBy: 'test', landing: `/pay/approve/${pi}` });
    if (isRefused(old)) throw new Error('no link');
    const fromLink = await askForLink(d.db, new URL(old.url).pathname.split('/').pop() ?? '', d.env.linkSecret, Date.now());
    const fromSession = askForSession({ accountCode: made.code, linkId: old.id }, d.env.linkSecret, Date.now());
    const to = made.recipients[0]?.email ?? '';
    for (const ask of [fromLink ?? '', fromSession]) expect(await requestNewLink(d, { ask, email: to, locale: 'da' })).toEqual({ status: 'taken' });
    await d.settle();
    const mails = await sandbox.mail.list(to);
    expect(mails.map((m) => m.subject)).toEqual(['Dit nye link til kortportalen', 'Dit nye link til kortportalen']);
    const landings = mails.map((m) => {
      const check = checkLinkToken(new URL(m.links[0] ?? 'http://x/').pathname.split('/').pop() ?? '', d.env.linkSecret, Date.now());
      return check.ok ? (check.payload.to ?? '/pay') : 'bad';
    });
    expect(landings.sort()).toEqual(['/pay', `/pay/approve/${pi}`].sort());
  });

  it('a link no longer on record (retention removed it) offers no form', async () => {
    const d = await deps();
    const ghost = signLinkToken({ lid: 'never-issued', acct: 'CUST001', exp: Math.floor(Date.now() / 1000) - 60 }, d.env.linkSecret);
    expect(await askForLink(d.db, ghost, d.env.linkSecret, Date.now())).toBeNull();
    expect(await askForLink(d.db, 'not.a-token', d.env.linkSecret, Date.now())).toBeNull();
  });
});
