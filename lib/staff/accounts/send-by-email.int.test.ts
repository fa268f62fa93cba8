import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkLinkToken } from '@/lib/auth/link-token';
import { mailOutbox } from '@/lib/db/schema';
import { isRefused } from '@/lib/domain/outcomes';
import { createMailer } from '@/lib/mail/mailer';
import { noteMailLinkOpened } from '@/lib/mail/outbox';
import { sendDueMail } from '@/lib/mail/send';
import { listStaffSends } from '@/lib/mail/staff-sends';
import { createSmtpTransport } from '@/lib/mail/transport';
import { appContext } from '@/lib/server/context';
import { loadTimeline } from '@/lib/staff/timeline/load-timeline';
import { sandbox } from '@/test/support/sandbox-control';
import { auditRows, freshAccountWithCards, staffMember } from '@/test/support/staff-account-fixtures';
import { sendByEmail, type SendByEmailDeps, type SendByEmailInput } from './send-by-email';
import { RESEND_WINDOW_MINUTES } from './send-rules';
import { havblik } from '@/test/support/merchant-fixture';

beforeAll(async () => void (await appContext()));

/** The app's context with a mailer of the test's own (nothing sent until `send()`), and a clock the test may move. */
async function deps(opts: { smtpUrl?: string | null; now?: () => number } = {}): Promise<SendByEmailDeps & { send: (id: string) => Promise<number> }> {
  const ctx = await appContext();
  const smtpUrl = opts.smtpUrl === undefined ? (ctx.env.mail.smtpUrl ?? '') : opts.smtpUrl;
  const mailer = createMailer({ db: ctx.db, smtpUrl, from: 'billing@havblik.test', merchant: havblik, schedule: () => undefined });
  const send = (id: string) =>
    sendDueMail({ db: ctx.db, transport: createSmtpTransport(smtpUrl ?? ''), from: '"Havblik Billing" <billing@havblik.test>' }, { id });
  return { ...ctx, mailer, now: opts.now, send };
}

/** An account of the test's own: a Danish one whose second recipient takes only subscription notices (the portal's own emails never go there). */
async function account(language = 'da') {
  const tag = Math.random().toString(36).slice(2, 10);
  const pay = `pay-${tag}@example.com`;
  const subs = `Subs-${tag}@example.com`;
  const made = await sandbox.fenerum.createAccount({
    language,
    recipients: [
      { email: pay, name: 'Ida Betaler', receive_invoice: true, receive_payment_confirmation: true },
      { email: subs, receive_invoice: false, receive_payment_confirmation: false, receive_subscription_notifications: true },
    ],
  });
  return { code: made.code, uuid: made.uuid, pay, subs };
}

const input = (code: string, over: Partial<SendByEmailInput> = {}): SendByEmailInput => ({
  accountCode: code,
  kind: 'customer-link',
  recipient: '',
  sendId: crypto.randomUUID(),
  confirm: false,
  actor: staffMember('support'),
  ip: '198.51.100.7',
  ...over,
});

async function outboxOf(code: string) {
  const { db } = await appContext();
  return db.select().from(mailOutbox).where(eq(mailOutbox.accountCode, code));
}

describe('sending a customer a link by email from the account page', () => {
  it('queues one message to the chosen recipient in the account’s language, naming the merchant; audited; its link opens the portal', async () => {
    const d = await deps();
    const acct = await account('da');
    const actor = staffMember('support');
    // The recipient the staff member picked, typed in another case: the account's own address is used.
    const result = await sendByEmail(d, input(acct.code, { recipient: acct.subs.toLowerCase(), actor }));
    expect(result).toEqual({ status: 'sent', to: acct.subs, locale: 'da' });

    const [row, ...more] = await outboxOf(acct.code);
    expect(more).toHaveLength(0);
    expect(row).toMatchObject({
      recipient: acct.subs,
      kind: 'customer-link',
      locale: 'da',
      sentBy: actor.email,
      status: 'queued',
      subject: 'Dit link til at tilføje eller opdatere dit betalingskort',
    });
    expect(row?.text).toContain('Venlig hilsen Havblik Billing');
    const url = /http:\/\/\S+\/pay\/\S+/.exec(row?.text ?? '')?.[0] ?? '';
    const token = checkLinkToken(new URL(url).pathname.split('/').at(-1) ?? '', d.env.linkSecret, Date.now());
    expect(token).toMatchObject({ ok: true, payload: { acct: acct.code, lid: row?.linkId } });
    expect(await auditRows(acct.code, 'mail.staff_sent')).toMatchObject([
      {
        actor: actor.email,
        subject: row?.id,
        ip: '198.51.100.7',
        details: { kind: 'customer-link', to: acct.subs, locale: 'da', linkId: row?.linkId, confirmedResend: false },
      },
    ]);

    expect(await d.send(row?.id ?? '')).toBe(1);
    const [caught] = await sandbox.mail.list(acct.subs);
    expect(caught?.subject).toBe('Dit link til at tilføje eller opdatere dit betalingskort');

    // The customer opens it (what /pay/<token> does as the session starts): the timeline follows the send.
    await noteMailLinkOpened(d.db, row?.linkId ?? '');
    expect((await listStaffSends(d.db, acct.code))[0]).toMatchObject({ status: 'sent', openedAt: expect.any(Date), card: null });
    const kinds = (await loadTimeline(d, { code: acct.code })).map((e) => e.kind);
    expect(kinds).toContain('staffSent');
    expect(kinds).toContain('staffSendOpened');
    expect(kinds).not.toContain('other');
  });

  it('the same kind to the same recipient within the window asks first and writes nothing; confirmed, it sends; the same form again sends nothing more', async () => {
    const d = await deps();
    const acct = await account('en');
    const first = input(acct.code, { recipient: acct.pay });
    expect(await sendByEmail(d, first)).toMatchObject({ status: 'sent' });
    const audited = (await auditRows(acct.code, 'link.issued')).length;

    const again = input(acct.code, { recipient: acct.pay, actor: staffMember('support') });
    const asked = await sendByEmail(d, again);
    expect(asked).toMatchObject({ status: 'confirm', to: acct.pay, earlier: { by: first.actor.email, at: expect.any(Date) } });
    expect(await outboxOf(acct.code)).toHaveLength(1);
    expect(await auditRows(acct.code, 'link.issued')).toHaveLength(audited); // no link minted for a question

    // Another kind, or another recipient, is not a repeat.
    expect(await sendByEmail(d, input(acct.code, { recipient: acct.pay, kind: 'new-card' }))).toMatchObject({ status: 'sent' });
    expect(await sendByEmail(d, input(acct.code, { recipient: acct.subs }))).toMatchObject({ status: 'sent' });

    const confirmed = { ...again, confirm: true };
    expect(await sendByEmail(d, confirmed)).toMatchObject({ status: 'sent', to: acct.pay });
    // The confirmed form posted again (a replay, a double click): one message.
    expect(await sendByEmail(d, confirmed)).toEqual({ status: 'already-sent', to: acct.pay });
    expect(await sendByEmail(d, first)).toEqual({ status: 'already-sent', to: acct.pay });
    const links = (await outboxOf(acct.code)).filter((r) => r.kind === 'customer-link' && r.recipient === acct.pay);
    expect(links).toHaveLength(2);
    expect((await auditRows(acct.code, 'mail.staff_sent')).filter((r) => r.details.confirmedResend === true)).toHaveLength(1);

    // Past the window it sends without asking.
    const later = await deps({ now: () => Date.now() + (RESEND_WINDOW_MINUTES + 1) * 60_000 });
    expect(await sendByEmail(later, input(acct.code, { recipient: acct.pay }))).toMatchObject({ status: 'sent' });
  });

  it('two sends of the same at once: one goes out, the other asks', async () => {
    const d = await deps();
    const acct = await account('en');
    const results = await Promise.all([1, 2, 3].map(() => sendByEmail(d, input(acct.code, { recipient: acct.pay }))));
    expect(results.filter((r) => !isRefused(r) && r.status === 'sent')).toHaveLength(1);
    expect(results.filter((r) => !isRefused(r) && r.status === 'confirm')).toHaveLength(2);
    expect(await outboxOf(acct.code)).toHaveLength(1);
  });

  it('"please add your card again" names the account’s card and opens the add-card view', async () => {
    const d = await deps();
    const acct = await account('en');
    const visa = await (await appContext()).fenerum.createPaymentCard({ accountUuid: acct.uuid, gateway: 'stripe_new', token: 'pm_card_visa' });
    expect(await sendByEmail(d, input(acct.code, { kind: 'new-card', recipient: acct.pay, cardUuid: visa.uuid }))).toMatchObject({
      status: 'sent',
      locale: 'en',
    });
    const [row] = await outboxOf(acct.code);
    expect(row?.subject).toBe('Please add your payment card again');
    expect(row?.text).toContain('your Visa card ending in 4242');
    const url = /http:\/\/\S+\/pay\/\S+/.exec(row?.text ?? '')?.[0] ?? '';
    expect(checkLinkToken(new URL(url).pathname.split('/').at(-1) ?? '', d.env.linkSecret, Date.now())).toMatchObject({
      ok: true,
      payload: { to: '/pay#add-card' },
    });
  });

  it('a Self-Service link goes to the chosen recipient in Fenerum’s name; once sent, its body is no longer kept', async () => {
    const d = await deps();
    const acct = await account('en');
    const actor = staffMember('support');
    expect(await sendByEmail(d, input(acct.code, { kind: 'self-service', recipient: acct.pay, actor }))).toMatchObject({ status: 'sent' });
    const asked = (await sandbox.fenerum.audit()).filter((e) => e.path.includes('self-service') && (e.body as { email?: string }).email === acct.pay);
    expect(asked).toMatchObject([{ status: 200, user: actor.email }]);
    const [row] = await outboxOf(acct.code);
    expect(row?.text).toMatch(/\/self-service\/access\/[0-9a-f]+/);
    expect(row?.linkId).toBeNull();
    expect(await d.send(row?.id ?? '')).toBe(1);
    const [caught] = await sandbox.mail.list(acct.pay);
    expect(caught?.text).toMatch(/\/self-service\/access\/[0-9a-f]+/);
    const [after] = await outboxOf(acct.code);
    expect(after).toMatchObject({ status: 'sent', html: '', text: '' });
  });

  it('refuses another account’s recipient, an address not on the account, an unknown account, a stale form and a card elsewhere: nothing written, nothing queued', async () => {
    const d = await deps();
    const [mine, theirs] = await Promise.all([freshAccountWithCards(), account('en')]);
    const before = { links: (await auditRows(mine.code, 'link.issued')).length };
    const cases: Array<[Partial<SendByEmailInput>, string, string?]> = [
      [{ recipient: theirs.pay }, 'invalid-input', 'sendRecipientNotHere'],
      [{ recipient: 'someone@else.example' }, 'invalid-input', 'sendRecipientNotHere'],
      [{ recipient: mine.email, accountCode: 'NO-SUCH-ACCOUNT-XYZ' }, 'not-found', 'noSuchAccount'],
      [{ recipient: mine.email, accountCode: '..' }, 'invalid-input', 'notAnAccountCode'],
      [{ recipient: mine.email, sendId: 'not-a-uuid' }, 'invalid-input', 'sendFormStale'],
      [{ recipient: mine.email, kind: 'customer-link', cardUuid: mine.visa.uuid }, 'invalid-input', 'notACardId'],
      [{ recipient: mine.email, kind: 'new-card', cardUuid: '00000000-0000-4000-8000-000000000000' }, 'not-found', 'noSuchCardOnAccount'],
    ];
    for (const [over, reason, key] of cases) expect(await sendByEmail(d, input(mine.code, over))).toMatchObject({ kind: 'refused', reason, key });
    expect(await outboxOf(mine.code)).toEqual([]);
    expect(await auditRows(mine.code, 'mail.staff_sent')).toEqual([]);
    expect(await auditRows(mine.code, 'link.issued')).toHaveLength(before.links);
    const { db } = await appContext();
    expect(
      await db
        .select()
        .from(mailOutbox)
        .where(and(eq(mailOutbox.accountCode, theirs.code))),
    ).toEqual([]);
  });

  it('with no mail server configured nothing is sent, and the refusal says to copy a link instead', async () => {
    const d = await deps({ smtpUrl: null });
    const acct = await account('en');
    expect(await sendByEmail(d, input(acct.code, { recipient: acct.pay }))).toMatchObject({ kind: 'refused', reason: 'disabled', key: 'mailOff' });
    expect(await outboxOf(acct.code)).toEqual([]);
  });
});
