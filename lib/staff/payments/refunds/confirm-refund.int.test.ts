import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { readLiveSession, startSession } from '@/lib/auth/staff/sessions';
import { STEP_UP_MINUTES } from '@/lib/auth/staff/step-up';
import { totpCode } from '@/lib/auth/staff/totp';
import { auditLog } from '@/lib/db/schema';
import { env } from '@/lib/env';
import { farpayRefundsMinor, refundDeps, refundRequest } from '@/test/support/refund-fixtures';
import { sandbox } from '@/test/support/sandbox-control';
import { freshIp, freshStaff } from '@/test/support/staff-fixtures';
import { confirmRefund, type RefundCaller } from './confirm-refund';
import { reviewRefund } from './review-refund';
import { findByKey } from './store';

/** Refunds above 100.00 ask for a code here (the payments are 125.50). */
const ABOVE = 10_000;
const limits = { idleMinutes: 30, maxHours: 12 };

const payment = async (amountMinor = 12_550) => (await sandbox.farpay.createPayment({ type: 'Visa', amountMinor, status: 'Paid' })).PaymentId;

async function deps(now?: () => number) {
  const base = await refundDeps();
  return { ...base, stepUp: { aboveMinor: ABOVE, secretKey: env().linkSecret }, ...(now ? { now } : {}) };
}

/** An operator of its own with a signed-in session (`secondFactor`: whether it passed the code at sign-in), read back as a request would read it. */
async function operator({ enrolled = true, secondFactor = true } = {}) {
  const d = await refundDeps();
  const { user, secret } = await freshStaff('operator', { enrolled });
  const ip = freshIp();
  const { token } = await startSession(
    d.db,
    { userId: user.id, pending: false, secondFactorPassed: secondFactor, ip, userAgent: 'vitest' },
    limits,
    Date.now(),
  );
  /** The caller as the next request (at `nowMs`) sees it: the session read again from the database. */
  const caller = async (nowMs = Date.now()): Promise<RefundCaller> => {
    const live = await readLiveSession(d.db, token, limits, nowMs);
    if (!live) throw new Error('the session ended');
    return {
      userId: user.id,
      email: user.email,
      ip,
      session: { idHash: live.idHash, secondFactorPassed: live.secondFactorPassed, stepUpUntil: live.stepUpUntil },
    };
  };
  return { user, secret: secret ?? '', caller };
}

const auditOf = async (email: string, actions: string[]) => {
  const { db } = await refundDeps();
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.actor, email), inArray(auditLog.action, actions)));
};

describe('confirming a refund', () => {
  it('no reason chosen: refused with its message key, nothing recorded, sent or audited (review and confirm alike)', async () => {
    const id = await payment();
    const d = await deps();
    const op = await operator();
    const input = refundRequest(id, { reason: '' });
    expect(await reviewRefund(d, input, (await op.caller()).session)).toMatchObject({ kind: 'refused', reason: 'invalid-input', key: 'refundReasonMissing' });
    expect(await confirmRefund(d, input, await op.caller())).toMatchObject({ kind: 'refused', reason: 'invalid-input', key: 'refundReasonMissing' });
    expect(await findByKey(d.db, input.key)).toBeNull();
    expect(await farpayRefundsMinor(id)).toEqual([]);
    const { db } = d;
    expect(
      await db
        .select()
        .from(auditLog)
        .where(eq(auditLog.subject, `farpay-payment:${id}`)),
    ).toEqual([]);
  });

  it('the review sums up and moves nothing; the confirmation makes one refund, and a replayed confirmation still one', async () => {
    const id = await payment(9_000);
    const d = await deps();
    const op = await operator();
    const input = refundRequest(id, { shownRemainingMinor: 9_000 });
    const summary = await reviewRefund(d, input, (await op.caller()).session);
    expect(summary).toEqual({ kind: 'summary', paymentId: id, amountMinor: 9_000, currency: 'DKK', card: 'Visa', stepUp: false });
    expect(await findByKey(d.db, input.key)).toBeNull();
    expect(await farpayRefundsMinor(id)).toEqual([]);

    const made = await confirmRefund(d, input, await op.caller());
    expect(made).toMatchObject({ outcome: 'succeeded', amountMinor: 9_000 });
    const [again, andAgain] = await Promise.all([confirmRefund(d, input, await op.caller()), confirmRefund(d, input, await op.caller())]);
    expect(again).toMatchObject({ outcome: 'succeeded', repeat: true });
    expect(andAgain).toMatchObject({ outcome: 'succeeded', repeat: true });
    expect(await farpayRefundsMinor(id)).toEqual([-9_000]);
  });

  it('above the step-up amount: asked for a code (nothing recorded), a wrong code refused and audited, a right one makes the refund', async () => {
    const id = await payment();
    const d = await deps();
    const op = await operator();
    const input = refundRequest(id);
    expect(await reviewRefund(d, input, (await op.caller()).session)).toMatchObject({ kind: 'summary', stepUp: true });
    expect(await confirmRefund(d, input, await op.caller())).toEqual({ outcome: 'step-up-needed' });
    expect(await confirmRefund(d, { ...input, code: '000000' }, await op.caller())).toMatchObject({ kind: 'refused', key: 'stepUpWrongCode' });
    expect(await findByKey(d.db, input.key)).toBeNull();
    expect(await farpayRefundsMinor(id)).toEqual([]);
    expect((await auditOf(op.user.email, ['staff.step_up_refused']))[0]).toMatchObject({
      subject: `farpay-payment:${id}`,
      details: { answer: 'wrong-code', amountMinor: 12_550, why: 'amount' },
    });

    const made = await confirmRefund(d, { ...input, code: totpCode(op.secret, Date.now()) }, await op.caller());
    expect(made).toMatchObject({ outcome: 'succeeded', amountMinor: 12_550 });
    expect(await farpayRefundsMinor(id)).toEqual([-12_550]);
    expect(await auditOf(op.user.email, ['staff.step_up'])).toHaveLength(1);
  });

  it(`a step-up holds ${STEP_UP_MINUTES} minutes for its session only: another session of the same user (a copied cookie's) is asked, and so is this one after`, async () => {
    let now = Date.now();
    const d = await deps(() => now);
    const op = await operator();
    const first = refundRequest(await payment());
    expect(await confirmRefund(d, { ...first, code: totpCode(op.secret, now) }, await op.caller(now))).toMatchObject({ outcome: 'succeeded' });

    now += (STEP_UP_MINUTES - 1) * 60_000;
    const second = refundRequest(await payment());
    expect(await confirmRefund(d, second, await op.caller(now))).toMatchObject({ outcome: 'succeeded' });

    const other = await startSession(d.db, { userId: op.user.id, pending: false, secondFactorPassed: true, ip: null, userAgent: 'elsewhere' }, limits, now);
    const live = await readLiveSession(d.db, other.token, limits, now);
    if (!live) throw new Error('no session');
    const elsewhere = {
      userId: op.user.id,
      email: op.user.email,
      ip: null,
      session: { idHash: live.idHash, secondFactorPassed: true, stepUpUntil: live.stepUpUntil },
    };
    const third = refundRequest(await payment());
    expect(await confirmRefund(d, third, elsewhere)).toEqual({ outcome: 'step-up-needed' });

    now += 2 * 60_000;
    expect(await confirmRefund(d, third, await op.caller(now))).toEqual({ outcome: 'step-up-needed' });
    expect(await farpayRefundsMinor(third.paymentId)).toEqual([]);
  });

  it('wrong step-up codes are counted with sign-in failures: after ten, even the right code is held back', async () => {
    const d = await deps();
    const op = await operator();
    const input = refundRequest(await payment());
    for (let i = 0; i < 10; i++) {
      expect(await confirmRefund(d, { ...input, code: '000000' }, await op.caller())).toMatchObject({ kind: 'refused', key: 'stepUpWrongCode' });
    }
    expect(await confirmRefund(d, { ...input, code: totpCode(op.secret, Date.now()) }, await op.caller())).toMatchObject({
      kind: 'refused',
      reason: 'too-many',
      key: 'tooManySignIns',
      retryAfterSeconds: expect.any(Number),
    });
    expect(await farpayRefundsMinor(input.paymentId)).toEqual([]);
    expect(await auditOf(op.user.email, ['staff.step_up_refused'])).toHaveLength(11);
  });

  it('a session signed in without a second factor is asked for every refund; a user with no code set up cannot refund at all', async () => {
    const d = await deps();
    const small = (id: number) => refundRequest(id, { mode: 'partial', amountText: '1.00' });
    const unchecked = await operator({ secondFactor: false });
    const id = await payment();
    expect(await confirmRefund(d, small(id), await unchecked.caller())).toEqual({ outcome: 'step-up-needed' });
    expect(await confirmRefund(d, { ...small(id), code: totpCode(unchecked.secret, Date.now()) }, await unchecked.caller())).toMatchObject({
      outcome: 'succeeded',
      amountMinor: 100,
    });

    const none = await operator({ enrolled: false, secondFactor: false });
    const other = await payment();
    expect(await confirmRefund(d, { ...small(other), code: '123456' }, await none.caller())).toMatchObject({
      kind: 'refused',
      reason: 'forbidden',
      key: 'stepUpNotEnrolled',
    });
    expect(await farpayRefundsMinor(other)).toEqual([]);
  });
});
