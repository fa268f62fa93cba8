import { describe, expect, it } from 'vitest';
import { answerFor } from '@/lib/server/refusals';
import { resetPassword, setDisabled } from '@/lib/staff/users/admin';
import { readLiveSession } from '@/lib/auth/staff/sessions';
import { signInWithPassword } from '@/lib/auth/staff/sign-in';
import { isRefused } from '@/lib/domain/outcomes';
import { freshIp, freshStaff, PASSWORD, staffDeps } from '@/test/support/staff-fixtures';

const client = () => ({ ip: freshIp(), userAgent: 'vitest' });
const admin = { email: 'it-admin@staff.test', ip: '192.0.2.1' };

describe('staff sign-in with a password', () => {
  it('the right password starts a session the cookie can name', async () => {
    const deps = await staffDeps();
    const { user } = await freshStaff('viewer');
    const result = await signInWithPassword(deps, { email: user.email.toUpperCase(), password: PASSWORD, ...client() });
    if (isRefused(result)) throw new Error(answerFor(result).message);
    expect(result.next).toBe('console');
    expect(result.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const live = await readLiveSession(deps.db, result.token, deps.config, Date.now());
    expect(live?.user).toEqual({ id: user.id, email: user.email, name: user.name, role: 'viewer' });
  });

  it('a wrong password, an unknown email and a disabled user get the very same answer', async () => {
    const deps = await staffDeps();
    const { user } = await freshStaff('viewer');
    const { user: gone } = await freshStaff('viewer');
    await setDisabled(deps.db, admin, gone.id, true);
    const wrong = await signInWithPassword(deps, { email: user.email, password: 'not-the-password', ...client() });
    const unknown = await signInWithPassword(deps, { email: `nobody-${user.id}@staff.test`, password: PASSWORD, ...client() });
    const disabled = await signInWithPassword(deps, { email: gone.email, password: PASSWORD, ...client() });
    expect(wrong).toEqual({ kind: 'refused', reason: 'unauthenticated', key: 'wrongCredentials' });
    expect(unknown).toEqual(wrong);
    expect(disabled).toEqual(wrong);
  });

  it('ten failures hold the email back, even with the right password, and say for how long', async () => {
    const deps = await staffDeps();
    const { user } = await freshStaff('support');
    for (let i = 0; i < 10; i++) await signInWithPassword(deps, { email: user.email, password: `wrong-${i}-password`, ...client() });
    const held = await signInWithPassword(deps, { email: user.email, password: PASSWORD, ...client() });
    expect(held).toMatchObject({ kind: 'refused', reason: 'too-many' });
    expect(isRefused(held) && held.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(isRefused(held) && answerFor(held).message).toMatch(/wait 15 minutes/);
  });

  it('fifty failures from one address hold that address back for every email; others still sign in', async () => {
    const deps = await staffDeps();
    const ip = freshIp();
    for (let i = 0; i < 50; i++) await signInWithPassword(deps, { email: `spray-${i}-${ip}@staff.test`, password: 'guess-password', ip, userAgent: null });
    const { user } = await freshStaff('viewer');
    expect(await signInWithPassword(deps, { email: user.email, password: PASSWORD, ip, userAgent: null })).toMatchObject({ reason: 'too-many' });
    expect(await signInWithPassword(deps, { email: user.email, password: PASSWORD, ...client() })).toMatchObject({ kind: 'signed-in' });
  });

  it('the failures leave the window after fifteen minutes', async () => {
    let now = Date.now();
    const deps = await staffDeps(() => now);
    const { user } = await freshStaff('viewer');
    for (let i = 0; i < 10; i++) await signInWithPassword(deps, { email: user.email, password: 'wrong-password', ...client() });
    expect(await signInWithPassword(deps, { email: user.email, password: PASSWORD, ...client() })).toMatchObject({ reason: 'too-many' });
    now += 15 * 60_000 + 1000;
    expect(await signInWithPassword(deps, { email: user.email, password: PASSWORD, ...client() })).toMatchObject({ kind: 'signed-in' });
  });

  it('a disabled user’s open session stops at once', async () => {
    const deps = await staffDeps();
    const { user } = await freshStaff('viewer');
    const result = await signInWithPassword(deps, { email: user.email, password: PASSWORD, ...client() });
    if (isRefused(result)) throw new Error(answerFor(result).message);
    expect(await readLiveSession(deps.db, result.token, deps.config, Date.now())).not.toBeNull();
    await setDisabled(deps.db, admin, user.id, true);
    expect(await readLiveSession(deps.db, result.token, deps.config, Date.now())).toBeNull();
    await setDisabled(deps.db, admin, user.id, false);
    expect(await readLiveSession(deps.db, result.token, deps.config, Date.now())).toBeNull(); // ended, not paused
  });

  it('resetting a password ends the sessions; the old password stops working, the new one works', async () => {
    const deps = await staffDeps();
    const { user } = await freshStaff('support');
    const first = await signInWithPassword(deps, { email: user.email, password: PASSWORD, ...client() });
    if (isRefused(first)) throw new Error(answerFor(first).message);
    const reset = await resetPassword(deps.db, admin, user.id);
    if (isRefused(reset)) throw new Error(answerFor(reset).message);
    expect(await readLiveSession(deps.db, first.token, deps.config, Date.now())).toBeNull();
    expect(await signInWithPassword(deps, { email: user.email, password: PASSWORD, ...client() })).toMatchObject({ reason: 'unauthenticated' });
    expect(await signInWithPassword(deps, { email: user.email, password: reset.password, ...client() })).toMatchObject({ kind: 'signed-in' });
  });

  it('signing in again rotates the id: the session the browser had ends', async () => {
    const deps = await staffDeps();
    const { user } = await freshStaff('viewer');
    const first = await signInWithPassword(deps, { email: user.email, password: PASSWORD, ...client() });
    if (isRefused(first)) throw new Error(answerFor(first).message);
    const second = await signInWithPassword(deps, { email: user.email, password: PASSWORD, replacing: first.token, ...client() });
    if (isRefused(second)) throw new Error(answerFor(second).message);
    expect(second.token).not.toBe(first.token);
    expect(await readLiveSession(deps.db, first.token, deps.config, Date.now())).toBeNull();
    expect(await readLiveSession(deps.db, second.token, deps.config, Date.now())).not.toBeNull();
  });

  it('a session idle past its limit, or past its absolute expiry, is over', async () => {
    const deps = await staffDeps();
    const { user } = await freshStaff('viewer');
    const result = await signInWithPassword(deps, { email: user.email, password: PASSWORD, ...client() });
    if (isRefused(result)) throw new Error(answerFor(result).message);
    expect(await readLiveSession(deps.db, result.token, deps.config, Date.now() + 29 * 60_000)).not.toBeNull();
    // That read moved the idle expiry on; 31 minutes after it, the session is over.
    expect(await readLiveSession(deps.db, result.token, deps.config, Date.now() + 29 * 60_000 + 31 * 60_000)).toBeNull();
    expect(await readLiveSession(deps.db, result.token, deps.config, Date.now() + 13 * 3600_000)).toBeNull();
  });

  it('forged and malformed cookies name no session', async () => {
    const deps = await staffDeps();
    for (const token of [undefined, '', 'x', 'A'.repeat(43), `${'A'.repeat(42)}'`, 'A'.repeat(5000)]) {
      expect(await readLiveSession(deps.db, token, deps.config, Date.now())).toBeNull();
    }
  });
});
