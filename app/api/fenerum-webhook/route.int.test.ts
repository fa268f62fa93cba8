import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadApproval } from '@/lib/approvals/load-approval';
import { getApproval } from '@/lib/approvals/store';
import { fenerumWebhookEvents, inbox } from '@/lib/db/schema';
import { isRefused } from '@/lib/domain/outcomes';
import { appContext } from '@/lib/server/context';
import { accountWithCard, basic, counts, deliver, failedCharge } from '@/test/support/approval-fixtures';
import { auditRows, customerMailRows } from '@/test/support/staff-account-fixtures';
import { sessionFor } from '@/test/support/quickpay-fixtures';
import { freshAccount } from '@/test/support/sandbox-control';

describe('POST /api/fenerum-webhook', () => {
  // The first use opens the database and runs the migrations: not part of any test's time.
  beforeAll(async () => void (await appContext()));

  it.each([
    ['no Authorization header', null],
    ['a wrong password', basic('sandbox-fenerum-webhook', 'wrong')],
    ['a wrong username', basic('someone', 'sandbox-fenerum-webhook-pw-3c1d')],
    ['a Bearer token', 'Bearer sandbox-fenerum-webhook-pw-3c1d'],
  ])('%s → 401 and nothing stored', async (_, auth) => {
    const before = await counts();
    const res = await deliver({ event: 'payment.authentication_required', data: { payment_gateway_id: 'pi_x401' } }, auth);
    expect(res.status).toBe(401);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['malformed JSON', '{"event": '],
    ['no event', { data: {} }],
    ['event of the wrong type', { event: 42, data: {} }],
    ['data that is a list', { event: 'payment.declined', data: [] }],
    ['a JSON array', [1, 2]],
  ])('%s → 400 and nothing stored', async (_, body) => {
    const before = await counts();
    const res = await deliver(body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/JSON|webhook|NUL/);
    expect(await counts()).toEqual(before);
  });

  it('a body over 256 KiB → 413 and nothing stored', async () => {
    const before = await counts();
    const res = await deliver({ event: 'payment.declined', data: { pad: 'x'.repeat(300 * 1024) } });
    expect(res.status).toBe(413);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['an unpaired surrogate', '\ud800', 'x'],
    ['a lone low surrogate in a key', 'ok', '\udc00'],
    ['a NUL character', 'a\u0000b', 'y'],
  ])('%s (valid JSON, unstorable as sent) → 200, stored once with U+FFFD in its place, never 503', async (_, note, key) => {
    const marker = `odd-${Date.now()}-${Math.random()}`;
    const body = { event: 'payment.declined', data: { marker, note, [key]: 1 } };
    const raw = JSON.stringify(body);
    expect(raw).toMatch(/\\u(d800|dc00|0000)/); // what Fenerum would send: an escape in valid JSON
    const first = await deliver(body);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ received: true, repeat: false });
    const again = await deliver(body);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ received: true, repeat: true });
    const { db } = await appContext();
    const rows = await db
      .select()
      .from(fenerumWebhookEvents)
      .where(sql`${fenerumWebhookEvents.payload}->'data'->>'marker' = ${marker}`);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0]?.payload)).toContain('\ufffd');
  });

  it('an unknown event is stored and answered 200', async () => {
    const body = { event: 'invoice.paid', data: { uuid: `inv-${Date.now()}` } };
    const res = await deliver(body);
    expect(res.status).toBe(200);
    const { db } = await appContext();
    const [row] = await db.select().from(fenerumWebhookEvents).where(eq(fenerumWebhookEvents.event, 'invoice.paid'));
    expect(row).toMatchObject({ status: 'ignored' });
    expect(
      await db
        .select()
        .from(inbox)
        .where(eq(inbox.eventKey, row?.eventKey ?? '')),
    ).toHaveLength(1);
  });

  it('the same payment.authentication_required 5 times → one approval with Stripe’s amount, one email queued', async () => {
    const account = await accountWithCard(await freshAccount());
    const { paymentIntentId, webhook } = await failedCharge(account, 49_900);
    // The payload's own amount is not believed: Stripe's is.
    const lying = { ...webhook, data: { ...webhook.data, amount: '1.00', account: 'SOMEONE-ELSE' } };
    const answers = await Promise.all(Array.from({ length: 5 }, () => deliver(lying)));
    for (const res of answers) expect(res.status).toBe(200);
    const approval = await getApproval((await appContext()).db, paymentIntentId);
    expect(approval).toMatchObject({ accountCode: account, amount: 49_900, currency: 'dkk', status: 'pending' });
    expect(await customerMailRows(account, 'mail.queued')).toHaveLength(1);
    expect(await auditRows(account, 'approval.requested')).toHaveLength(1);
  });

  it('a PaymentIntent of account B named in a webhook → B’s approval; A can neither see it nor get its client secret', async () => {
    const a = await accountWithCard(await freshAccount());
    const b = await accountWithCard(await freshAccount());
    const { paymentIntentId, webhook } = await failedCharge(b);
    // The payload says A; Stripe's customer says B.
    await deliver({ ...webhook, data: { ...webhook.data, account_code: a, account: a } });
    const ctx = await appContext();
    expect((await getApproval(ctx.db, paymentIntentId))?.accountCode).toBe(b);
    const forA = await loadApproval(ctx, await sessionFor(a), paymentIntentId);
    expect(isRefused(forA) && forA.reason).toBe('not-found');
    expect(JSON.stringify(forA)).not.toContain('secret');
    const forB = await loadApproval(ctx, await sessionFor(b), paymentIntentId);
    expect(forB).toMatchObject({ state: 'needs-approval', amount: 49_900, savedCard: { brand: 'Visa', last4: '4242' } });
    expect(!isRefused(forB) && forB.state === 'needs-approval' && forB.clientSecret.startsWith(`${paymentIntentId}_secret_`)).toBe(true);
  });

  it('a PaymentIntent of no account of ours is stored, answered 200, and makes no approval', async () => {
    const before = await counts();
    // A new id each run: the same body again would be a repeat (kept, not stored twice) on a database kept between runs.
    const res = await deliver({
      event: 'payment.authentication_required',
      data: { payment_gateway_id: `pi_unknown${Date.now()}${Math.floor(Math.random() * 1e6)}` },
    });
    expect(res.status).toBe(200);
    const after = await counts();
    expect(after.approvals).toBe(before.approvals);
    expect(after.inbox).toBe(before.inbox + 1);
  });
});
