import { randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { answerFor } from '@/lib/server/refusals';
import { passSecondFactor } from '@/lib/auth/staff/second-factor';
import { signInWithPassword, type SignInDeps } from '@/lib/auth/staff/sign-in';
import { totpCode } from '@/lib/auth/staff/totp';
import { openDatabase, type Database } from '@/lib/db/connect';
import { staffSignInAttempts } from '@/lib/db/schema';
import { isRefused } from '@/lib/domain/outcomes';
import { freshIp, freshStaff, PASSWORD, staffDeps } from '@/test/support/staff-fixtures';

// Every argon2 verification the sign-in makes is counted: "checked" means a password was tried.
const argon2 = vi.hoisted(() => ({ verifications: 0 }));
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const real = await importOriginal<typeof import('@node-rs/argon2')>();
  return {
    ...real,
    verify: (...args: Parameters<typeof real.verify>) => {
      argon2.verifications++;
      return real.verify(...args);
    },
  };
});

/**
 * Issue 22, items 1, 2 and 9: parallel guesses are each counted before they are checked. On
 * Postgres (TEST_DB=postgres) every other request goes through a second pool, as a second app
 * instance on the same database would.
 */
let second: Database | undefined;
async function twoInstances(now?: () => number): Promise<[SignInDeps, SignInDeps]> {
  const deps = await staffDeps(now);
  if (process.env.TEST_DB === 'postgres' && process.env.DATABASE_URL) second ??= await openDatabase({ url: process.env.DATABASE_URL, pgliteDir: '' });
  return [deps, second ? { ...deps, db: second.db } : deps];
}
afterAll(async () => {
  await second?.close();
});
beforeEach(() => {
  argon2.verifications = 0;
});

const HELD = /^Too many failed sign-ins; please wait \d+ minutes and try again$/;
const reasons = (results: Array<{ kind: string; reason?: string }>) => ({
  checked: results.filter((r) => r.kind !== 'refused' || r.reason !== 'too-many').length,
  held: results.filter((r) => r.kind === 'refused' && r.reason === 'too-many'),
});

async function failuresOf(deps: SignInDeps, where: { email?: string; ip?: string }) {
  const t = staffSignInAttempts;
  const [row] = await deps.db
    .select({ n: count() })
    .from(t)
    .where(and(eq(t.succeeded, false), where.email ? eq(t.email, where.email) : undefined, where.ip ? eq(t.ip, where.ip) : undefined));
  return row?.n ?? 0;
}

describe('sign-in limits under parallel guesses', () => {
  it('100 parallel wrong passwords: ten are checked, the rest held back; the right password then waits out the window', async () => {
    let now = Date.now();
    const [a, b] = await twoInstances(() => now);
    const { user } = await freshStaff('viewer');
    const ip = freshIp();
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => signInWithPassword(i % 2 ? b : a, { email: user.email, password: `wrong-${i}-password`, ip, userAgent: null })),
    );
    const { checked, held } = reasons(results);
    expect(argon2.verifications).toBe(10);
    expect(checked).toBe(10);
    expect(held).toHaveLength(90);
    for (const r of held) expect(isRefused(r) && answerFor(r).message).toMatch(HELD);
    expect(await failuresOf(a, { email: user.email })).toBe(10);

    argon2.verifications = 0;
    expect(await signInWithPassword(a, { email: user.email, password: PASSWORD, ip: freshIp(), userAgent: null })).toMatchObject({ reason: 'too-many' });
    expect(argon2.verifications).toBe(0);
    now += 15 * 60_000 + 1000;
    expect(await signInWithPassword(b, { email: user.email, password: PASSWORD, ip: freshIp(), userAgent: null })).toMatchObject({ kind: 'signed-in' });
  });

  it('the right password among 100 parallel guesses: at most ten wrong ones tried, the right one checked or held, never refused as wrong', async () => {
    const [a, b] = await twoInstances();
    const { user } = await freshStaff('viewer');
    const ip = freshIp();
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        signInWithPassword(i % 2 ? b : a, { email: user.email, password: i === 0 ? PASSWORD : `wrong-${i}-password`, ip, userAgent: null }),
      ),
    );
    // The right one is checked (and signs in) or held back with the rest, never refused as wrong; at most ten wrong ones are checked.
    const signedIn = results[0]?.kind === 'signed-in';
    if (!signedIn) expect(results[0]).toMatchObject({ reason: 'too-many' });
    const failures = await failuresOf(a, { email: user.email });
    expect(failures).toBeLessThanOrEqual(10);
    expect(argon2.verifications).toBe(failures + (signedIn ? 1 : 0));
  });

  it('a success gives its reservation back: twelve sign-ins in a row from one address, none held, none counted', async () => {
    const [a, b] = await twoInstances();
    const { user } = await freshStaff('viewer');
    const ip = freshIp();
    for (let i = 0; i < 12; i++) {
      expect(await signInWithPassword(i % 2 ? b : a, { email: user.email, password: PASSWORD, ip, userAgent: null })).toMatchObject({ kind: 'signed-in' });
    }
    expect(await failuresOf(a, { email: user.email })).toBe(0);
  });

  it('40 parallel second-factor codes (TOTP and recovery): ten are checked; the right code then waits too', async () => {
    const [a, b] = await twoInstances();
    const { user, secret } = await freshStaff('operator', { enrolled: true });
    const pending = await signInWithPassword(a, { email: user.email, password: PASSWORD, ip: freshIp(), userAgent: null });
    if (isRefused(pending)) throw new Error(answerFor(pending).message);
    const now = Date.now();
    const valid = new Set([-1, 0, 1].map((d) => totpCode(secret ?? '', now + d * 30_000)));
    const wrong = Array.from({ length: 60 }, (_, i) => String(100_000 + i * 7919).slice(0, 6)).filter((c) => !valid.has(c));
    const codes = Array.from({ length: 40 }, (_, i) => (i % 4 === 3 ? `wrong-${String(i).padStart(5, '0')}`.slice(0, 11) : (wrong[i] ?? '000000')));
    const ip = freshIp();
    const results = await Promise.all(codes.map((code, i) => passSecondFactor(i % 2 ? b : a, { token: pending.token, code, ip, userAgent: null })));
    const { checked, held } = reasons(results.map((r) => ('kind' in r ? r : { kind: 'started' })));
    expect(checked).toBe(10);
    expect(held).toHaveLength(30);
    for (const r of held) expect(isRefused(r) && answerFor(r).message).toMatch(HELD);
    expect(await failuresOf(a, { email: user.email })).toBe(10);
    const right = await passSecondFactor(b, { token: pending.token, code: totpCode(secret ?? '', Date.now()), ip: freshIp(), userAgent: null });
    expect(right).toMatchObject({ kind: 'refused', reason: 'too-many' });
  });

  it('one address across 20 emails, 100 guesses in parallel: fifty are checked, then that address is held back for everyone', async () => {
    const [a, b] = await twoInstances();
    const ip = freshIp();
    const emails = Array.from({ length: 20 }, () => `spray-${randomUUID()}@staff.test`);
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        signInWithPassword(i % 2 ? b : a, { email: emails[i % 20] ?? '', password: `guess-${i}-password`, ip, userAgent: null }),
      ),
    );
    const { checked, held } = reasons(results);
    expect(argon2.verifications).toBe(50);
    expect(checked).toBe(50);
    expect(held).toHaveLength(50);
    expect(await failuresOf(a, { ip })).toBe(50);
    const { user } = await freshStaff('viewer');
    expect(await signInWithPassword(a, { email: user.email, password: PASSWORD, ip, userAgent: null })).toMatchObject({ reason: 'too-many' });
    expect(await signInWithPassword(b, { email: user.email, password: PASSWORD, ip: freshIp(), userAgent: null })).toMatchObject({ kind: 'signed-in' });
  });

  it('an IPv6 client is counted by its /64: fifty guesses from fifty addresses of one /64 hold the next one back', async () => {
    const [a] = await twoInstances();
    const prefix = `2001:db8:${Math.floor(Math.random() * 0xffff).toString(16)}:${Math.floor(Math.random() * 0xffff).toString(16)}`;
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        signInWithPassword(a, {
          email: `v6-${randomUUID()}@staff.test`,
          password: 'guess-password',
          ip: `${prefix}::${(i + 1).toString(16)}`,
          userAgent: null,
        }),
      ),
    );
    const { user } = await freshStaff('viewer');
    expect(await signInWithPassword(a, { email: user.email, password: PASSWORD, ip: `${prefix}:ffff::77`, userAgent: null })).toMatchObject({
      reason: 'too-many',
    });
    expect(await signInWithPassword(a, { email: user.email, password: PASSWORD, ip: `::ffff:${freshIp()}`, userAgent: null })).toMatchObject({
      kind: 'signed-in',
    });
  });
});
