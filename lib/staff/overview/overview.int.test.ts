import { randomInt, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { paymentApprovals } from '@/lib/db/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { queueCustomerEmail } from '@/lib/mail/queue';
import { sendDueMail } from '@/lib/mail/send';
import { createSmtpTransport } from '@/lib/mail/transport';
import { appContext } from '@/lib/server/context';
import { listFailedPayments } from '@/lib/staff/payments/failed/list';
import { refundPayment } from '@/lib/staff/payments/refunds/refund-payment';
import { accountWithCard, deliver, failedCharge } from '@/test/support/approval-fixtures';
import { refundRequest } from '@/test/support/refund-fixtures';
import { fenerumSettings, freshAccount, sandbox } from '@/test/support/sandbox-control';
import { confirmWith, registerSetupIntentNow, setupIntentFor } from '@/test/support/stripe-fixtures';
import { createAttentionCache } from './cache';
import { ATTENTION_PAGE_SIZE, DB_LISTS, nextMonthOf } from './lists';
import { upsertAccounts } from '@/lib/staff/accounts/account-index';
import { loadOverview, readAttentionList, weekOf, type OverviewDeps } from './overview';
import { quietMailer } from '@/test/support/mailer';

async function deps(): Promise<OverviewDeps> {
  const ctx = await appContext();
  // Caches of the test's own: what the providers hold now.
  return { db: ctx.db, farpay: ctx.farpay, fenerum: ctx.fenerum, cache: createAttentionCache() };
}

/** One of each thing the overview counts, each made the way the app meets it. */
async function oneOfEach() {
  const ctx = await appContext();
  // A payment waiting for the customer's approval.
  const approvalAccount = await accountWithCard(await freshAccount());
  const { webhook } = await failedCharge(approvalAccount);
  expect((await deliver(webhook)).status).toBe(200);

  // A card Fenerum refused for good.
  const refusedAccount = await freshAccount();
  const { setupIntentId } = await setupIntentFor(refusedAccount);
  await confirmWith(setupIntentId);
  await fenerumSettings({ failNext: { status: 400, count: 1 } });
  try {
    expect(await registerSetupIntentNow(setupIntentId, refusedAccount)).toMatchObject({ kind: 'refused' });
  } finally {
    await fenerumSettings({ failNext: null });
  }

  // A failed FarPay payment today, and a declined Fenerum one.
  await sandbox.farpay.createPayment({ type: 'Visa', status: 'PaymentFailed', amountMinor: 5_000, error: 'Card expired' });
  const declinedAccount = await freshAccount();
  await sandbox.fenerum.addCardThroughFenerum(declinedAccount, { number: '4000000000000341', expMonth: randomInt(1, 13), expYear: randomInt(2040, 2070) });
  const charge = await sandbox.fenerum.charge(declinedAccount, { bankWantsAuthentication: false });
  expect((await deliver(charge.webhook)).status).toBe(200);

  // A card that expires next month.
  const { year, month } = nextMonthOf(new Date());
  await sandbox.fenerum.addCardThroughFenerum(await freshAccount(), { number: '4242424242424242', expMonth: month, expYear: year });

  // A refund whose answer was lost.
  const paid = await sandbox.farpay.createPayment({ type: 'Visa', amountMinor: 12_550 });
  const lost = { db: ctx.db, farpay: { ...ctx.farpay, refund: () => Promise.reject(new Error('socket hang up')) } };
  expect((await refundPayment(lost, refundRequest(paid.PaymentId), 'op@staff.example')).outcome).toBe('unknown');

  // An email refused at every try.
  const mailAccount = await sandbox.fenerum.createAccount();
  const to = mailAccount.recipients[0]?.email ?? '';
  await sandbox.mail.refuse(to, 10);
  const smtpUrl = ctx.env.mail.smtpUrl ?? '';
  const mailer = quietMailer(ctx, { retryDelayMs: () => 0 });
  await queueCustomerEmail(
    { ...ctx, mailer },
    {
      eventKey: `evt-${randomInt(1e9)}`,
      kind: 'approval-needed',
      accountCode: mailAccount.code,
      paymentIntentId: `pi_mail${randomInt(1e9)}`,
      amount: { minor: 100, currency: 'DKK' },
      card: { brand: 'Visa', last4: '4242', expMonth: 12, expYear: 2034 },
    },
  );
  const send = { db: ctx.db, transport: createSmtpTransport(smtpUrl), from: ctx.env.mail.from, retryDelayMs: () => 0, maxAttempts: 1 };
  await sendDueMail(send);
}

describe('the overview: what needs attention', () => {
  beforeAll(async () => void (await appContext()));

  it('each count equals the length of the list it links to, with one of each thing made', async () => {
    await oneOfEach();
    const d = await deps();
    const now = new Date();
    const overview = await loadOverview(d, now);
    for (const list of [...DB_LISTS, 'expiring'] as const) {
      const first = await readAttentionList(d, list, now);
      expect({ list, count: overview[list] }).toEqual({ list, count: first.total });
      expect(overview[list]).toBeGreaterThanOrEqual(1);
      // However long the list, its pages hold all of it: the last page holds what the others leave.
      expect(first.items).toHaveLength(Math.min(first.total, ATTENTION_PAGE_SIZE));
      const last = await readAttentionList(d, list, now, String(first.pages));
      expect(last.items).toHaveLength(first.total - (first.pages - 1) * ATTENTION_PAGE_SIZE);
    }
    const failed = await listFailedPayments(d, weekOf(now), 'unhandled', 0);
    expect(overview.failed).toBe(failed.rows.length);
    expect(overview.failed).toBeGreaterThanOrEqual(2);
    // Oldest first: the approval list waits longest at the top.
    const { items: approvals } = await readAttentionList(d, 'approvals', now);
    expect(approvals.map((r) => r.at?.getTime())).toEqual(approvals.map((r) => r.at?.getTime()).sort());
  });

  it('a list longer than a page is read page by page, oldest first, each row once', async () => {
    const d = await deps();
    // Older than anything else in the database, so they are the list's first rows whatever else is there.
    const run = randomUUID().slice(0, 8);
    const ours = Array.from({ length: ATTENTION_PAGE_SIZE + 1 }, (_, i) => ({
      paymentIntentId: `pi_paging_${run}_${String(i).padStart(3, '0')}`,
      accountCode: `PAGING-${run}`,
      amount: 100 + i,
      currency: 'dkk',
      status: 'pending' as const,
      createdAt: new Date(Date.UTC(2001, 0, 1) + i * 1000),
    }));
    await d.db.insert(paymentApprovals).values(ours);
    try {
      const now = new Date();
      const [one, two] = [await readAttentionList(d, 'approvals', now), await readAttentionList(d, 'approvals', now, '2')];
      expect(one.total).toBe((await loadOverview(d, now)).approvals);
      expect(one.items.map((r) => r.subject)).toEqual(ours.slice(0, ATTENTION_PAGE_SIZE).map((o) => o.paymentIntentId));
      expect(two.items[0]?.subject).toBe(ours.at(-1)?.paymentIntentId);
      expect(two.page).toBe(2);
    } finally {
      await d.db.delete(paymentApprovals).where(eq(paymentApprovals.accountCode, `PAGING-${run}`));
    }
  });

  it('a count whose provider cannot be read is unknown, not zero, and the others still count', async () => {
    const d = await deps();
    const broken: OverviewDeps = { ...d, fenerum: { ...d.fenerum, listAllPaymentCards: () => Promise.reject(new Error('Fenerum down')) } };
    const overview = await loadOverview(broken, new Date());
    expect(overview.expiring).toBeNull();
    expect(overview.approvals).toBeGreaterThanOrEqual(0);
  });

  it('reads Fenerum’s cards once while cached: a second overview costs Fenerum nothing', async () => {
    const d = await deps();
    let calls = 0;
    const counting: OverviewDeps = { ...d, fenerum: { ...d.fenerum, listAllPaymentCards: (o) => (calls++, d.fenerum.listAllPaymentCards(o)) } };
    await loadOverview(counting, new Date());
    await loadOverview(counting, new Date());
    expect(calls).toBe(1);
  });

  it('an expiring card names its account from the account index (OverviewDeps holds no account list to read from Fenerum)', async () => {
    const d = await deps();
    const now = new Date();
    const { year, month } = nextMonthOf(now);
    const [indexed, unindexed] = [await sandbox.fenerum.createAccount(), await sandbox.fenerum.createAccount()];
    await upsertAccounts(d.db, [{ uuid: indexed.uuid, code: indexed.code, name: indexed.company_name }], now, { mode: 'keep' });
    for (const a of [indexed, unindexed]) await sandbox.fenerum.addCardThroughFenerum(a.code, { number: '4242424242424242', expMonth: month, expYear: year });

    const first = await readAttentionList(d, 'expiring', now);
    const rows = [...first.items];
    for (let page = 2; page <= first.pages; page++) rows.push(...(await readAttentionList(d, 'expiring', now, String(page))).items);
    const codes = rows.map((r) => r.accountCode);
    expect(codes).toContain(indexed.code);
    expect(codes).not.toContain(unindexed.code);
    expect(codes).toContain(null);
  });
});
