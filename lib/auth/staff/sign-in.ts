import { needsSecondFactor, type StaffAuthConfig } from './config';
import { limitedAttempt } from './attempts';
import { verifyPassword } from './password';
import { startSession, type StartedSession } from './sessions';
import { findStaffByEmail, normalizeEmail } from '@/lib/staff/users/users';
import type { Db } from '@/lib/db/connect';
import { refused, retryAfter, type Refused } from '@/lib/domain/outcomes';

export type SignInDeps = { db: Db; config: StaffAuthConfig; now?: () => number };
export type Client = { ip: string | null; userAgent: string | null };

/** After the password: the console, the TOTP step, or enrolment (a role that needs a second factor and has none yet). */
export type SignedIn = StartedSession & { kind: 'signed-in'; next: 'console' | 'second-factor' | 'enrol' };

/** Too many failed sign-ins: held back for `seconds` (Retry-After), said in whole minutes. */
export const heldBack = (seconds: number) => retryAfter(refused('too-many', 'tooManySignIns', { minutes: String(Math.ceil(seconds / 60)) }), seconds);

/**
 * Email and password. An unknown email, a disabled user and a wrong password get the same
 * answer after the same work (argon2 against a dummy hash when there is no user); every attempt
 * is counted per email and per address before the password is checked (attempts.ts: parallel
 * guesses included), and ten failures in fifteen minutes hold the email back (fifty the address).
 */
export async function signInWithPassword(
  deps: SignInDeps,
  input: { email: string; password: string; replacing?: string | null } & Client,
): Promise<SignedIn | Refused> {
  const now = deps.now?.() ?? Date.now();
  const email = normalizeEmail(input.email);
  const attempt = await limitedAttempt(deps.db, { email, ip: input.ip }, now, async () => {
    const user = await findStaffByEmail(deps.db, email);
    const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
    return ok && user && !user.disabledAt ? user : null;
  });
  if (attempt.kind === 'held') return heldBack(attempt.seconds);
  const user = attempt.value;
  if (!user) return refused('unauthenticated', 'wrongCredentials');
  const pending = needsSecondFactor(deps.config, user.role);
  const session = await startSession(
    deps.db,
    { userId: user.id, pending, secondFactorPassed: false, ip: input.ip, userAgent: input.userAgent, replacing: input.replacing },
    deps.config,
    now,
  );
  const next = !pending ? 'console' : user.totpEnrolledAt ? 'second-factor' : 'enrol';
  return { kind: 'signed-in', ...session, next };
}
