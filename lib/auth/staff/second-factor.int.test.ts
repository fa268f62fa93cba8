import { describe, expect, it } from 'vitest';
import { answerFor } from '@/lib/server/refusals';
import { desc, eq } from 'drizzle-orm';
import { changeRole, resetSecondFactor, setDisabled } from '@/lib/staff/users/admin';
import { confirmEnrolment, startEnrolment } from '@/lib/auth/staff/enrolment';
import { passSecondFactor } from '@/lib/auth/staff/second-factor';
import { readLiveSession } from '@/lib/auth/staff/sessions';
import { signInWithPassword } from '@/lib/auth/staff/sign-in';
import { totpCode } from '@/lib/auth/staff/totp';
import { auditLog, staffUsers } from '@/lib/db/schema';
import { isRefused } from '@/lib/domain/outcomes';
import { freshIp, freshStaff, PASSWORD, staffDeps } from '@/test/support/staff-fixtures';

const client = () => ({ ip: freshIp(), userAgent: 'vitest' });

async function passwordStep(email: string) {
  const deps = await staffDeps();
  const result = await signInWithPassword(deps, { email, password: PASSWORD, ...client() });
  if (isRefused(result)) throw new Error(answerFor(result).message);
  return result;
}

describe('the second factor', () => {
  it('an operator’s password alone opens nothing; the TOTP code starts a new session and ends the pending one', async () => {
    const deps = await staffDeps();
    const { user, secret } = await freshStaff('operator', { enrolled: true });
    const pending = await passwordStep(user.email);
    expect(pending.next).toBe('second-factor');
    expect((await readLiveSession(deps.db, pending.token, deps.config, Date.now()))?.secondFactorPassed).toBe(false);
    const wrong = await passSecondFactor(deps, { token: pending.token, code: '000000', ...client() });
    expect(wrong).toMatchObject({ kind: 'refused', reason: 'unauthenticated' });
    const full = await passSecondFactor(deps, { token: pending.token, code: totpCode(secret ?? '', Date.now()), ...client() });
    if (isRefused(full)) throw new Error(answerFor(full).message);
    expect(full.token).not.toBe(pending.token);
    expect(await readLiveSession(deps.db, pending.token, deps.config, Date.now())).toBeNull();
    expect((await readLiveSession(deps.db, full.token, deps.config, Date.now()))?.secondFactorPassed).toBe(true);
  });

  it('a code is not accepted twice, not even in another sign-in', async () => {
    const deps = await staffDeps();
    const { user, secret } = await freshStaff('admin', { enrolled: true });
    const code = totpCode(secret ?? '', Date.now());
    const first = await passSecondFactor(deps, { token: (await passwordStep(user.email)).token, code, ...client() });
    expect(isRefused(first)).toBe(false);
    const again = await passSecondFactor(deps, { token: (await passwordStep(user.email)).token, code, ...client() });
    expect(again).toMatchObject({ kind: 'refused', reason: 'unauthenticated' });
  });

  it('a recovery code works once in place of a TOTP code', async () => {
    let now = Date.now();
    const deps = await staffDeps(() => now);
    const { user } = await freshStaff('admin');
    const pending = await signInWithPassword(deps, { email: user.email, password: PASSWORD, ...client() });
    if (isRefused(pending)) throw new Error(answerFor(pending).message);
    expect(pending.next).toBe('enrol');
    const enrolment = await startEnrolment(deps, pending.token);
    if (isRefused(enrolment)) throw new Error(answerFor(enrolment).message);
    const enrolled = await confirmEnrolment(deps, { token: pending.token, code: totpCode(enrolment.secret, now), ...client() });
    if (isRefused(enrolled)) throw new Error(answerFor(enrolled).message);
    expect(enrolled.recoveryCodes).toHaveLength(10);
    expect(new Set(enrolled.recoveryCodes).size).toBe(10);
    now += 60_000;
    const [code] = enrolled.recoveryCodes;
    const first = await signInWithPassword(deps, { email: user.email, password: PASSWORD, ...client() });
    if (isRefused(first)) throw new Error(answerFor(first).message);
    expect(first.next).toBe('second-factor');
    expect(isRefused(await passSecondFactor(deps, { token: first.token, code: (code ?? '').toUpperCase(), ...client() }))).toBe(false);
    const second = await signInWithPassword(deps, { email: user.email, password: PASSWORD, ...client() });
    if (isRefused(second)) throw new Error(answerFor(second).message);
    expect(await passSecondFactor(deps, { token: second.token, code: code ?? '', ...client() })).toMatchObject({ reason: 'unauthenticated' });
  });

  it('enrolment shows the secret until it is confirmed, never after; a wrong first code enrols nothing', async () => {
    const deps = await staffDeps();
    const { user } = await freshStaff('operator');
    const pending = await passwordStep(user.email);
    const shown = await startEnrolment(deps, pending.token);
    if (isRefused(shown)) throw new Error(answerFor(shown).message);
    expect(shown.uri).toContain(`secret=${shown.secret}`);
    expect(await startEnrolment(deps, pending.token)).toEqual(shown); // a reload shows the same secret
    const [stored] = await deps.db.select().from(staffUsers).where(eq(staffUsers.id, user.id));
    expect(stored?.totpSecret).not.toContain(shown.secret);
    expect(await confirmEnrolment(deps, { token: pending.token, code: '123456', ...client() })).toMatchObject({ reason: 'unauthenticated' });
    const done = await confirmEnrolment(deps, { token: pending.token, code: totpCode(shown.secret, Date.now()), ...client() });
    if (isRefused(done)) throw new Error(answerFor(done).message);
    expect(await startEnrolment(deps, done.token)).toMatchObject({ kind: 'refused' });
  });

  it('resetting the second factor ends the sessions and sends the user to enrolment again; audited', async () => {
    const deps = await staffDeps();
    const { user, secret } = await freshStaff('operator', { enrolled: true });
    const full = await passSecondFactor(deps, { token: (await passwordStep(user.email)).token, code: totpCode(secret ?? '', Date.now()), ...client() });
    if (isRefused(full)) throw new Error(answerFor(full).message);
    await resetSecondFactor(deps.db, { email: 'boss@staff.test', ip: '192.0.2.7' }, user.id);
    expect(await readLiveSession(deps.db, full.token, deps.config, Date.now())).toBeNull();
    expect((await passwordStep(user.email)).next).toBe('enrol');
    const [entry] = await deps.db.select().from(auditLog).where(eq(auditLog.subject, user.email)).orderBy(desc(auditLog.id)).limit(1);
    expect(entry).toMatchObject({ actor: 'boss@staff.test', action: 'staff.reset_second_factor', ip: '192.0.2.7' });
  });

  it('a pending session of a user disabled meanwhile cannot pass the second factor', async () => {
    const deps = await staffDeps();
    const { user, secret } = await freshStaff('operator', { enrolled: true });
    const pending = await passwordStep(user.email);
    await setDisabled(deps.db, { email: 'boss@staff.test', ip: null }, user.id, true);
    const result = await passSecondFactor(deps, { token: pending.token, code: totpCode(secret ?? '', Date.now()), ...client() });
    expect(result).toMatchObject({ kind: 'refused', reason: 'unauthenticated' });
  });

  it('an admin cannot change their own role nor disable themselves', async () => {
    const deps = await staffDeps();
    const { user } = await freshStaff('admin');
    const self = { email: user.email, id: user.id, ip: null };
    expect(await changeRole(deps.db, self, user.id, 'viewer')).toMatchObject({ reason: 'forbidden' });
    expect(await setDisabled(deps.db, self, user.id, true)).toMatchObject({ reason: 'forbidden' });
    expect(await changeRole(deps.db, self, '00000000-0000-4000-8000-000000000000', 'viewer')).toMatchObject({ reason: 'not-found' });
  });
});
