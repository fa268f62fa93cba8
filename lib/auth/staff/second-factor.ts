import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '@/lib/db/connect';
import { staffSessions, staffUsers } from '@/lib/db/schema';
import { refused, type Refused } from '@/lib/domain/outcomes';
import { limitedAttempt } from './attempts';
import { needsSecondFactor } from './config';
import { spendRecoveryCode } from './recovery-codes';
import { openSecret } from './secret-box';
import { hashToken, startSession, type StartedSession } from './sessions';
import { heldBack, type Client, type SignInDeps } from './sign-in';
import { acceptedStep } from './totp';
import type { StaffUserRow } from '@/lib/staff/users/users';

/** The user of a live session that signed in with the password but has not passed the second factor yet. */
export async function pendingUser(db: Db, token: string | undefined, nowMs: number): Promise<StaffUserRow | null> {
  if (!token) return null;
  const [row] = await db
    .select({ u: staffUsers, s: staffSessions })
    .from(staffSessions)
    .innerJoin(staffUsers, eq(staffUsers.id, staffSessions.userId))
    .where(and(eq(staffSessions.idHash, hashToken(token)), isNull(staffUsers.disabledAt), eq(staffSessions.secondFactorPassed, false)))
    .limit(1);
  if (!row || row.s.expiresAt.getTime() <= nowMs || row.s.idleExpiresAt.getTime() <= nowMs) return null;
  return row.u;
}

/** Takes a TOTP step for the user if it is newer than the last one taken (one UPDATE: two instances cannot both take it). */
export async function takeStep(db: Db, userId: string, step: number): Promise<boolean> {
  const rows = await db
    .update(staffUsers)
    .set({ totpLastStep: step })
    .where(and(eq(staffUsers.id, userId), or(isNull(staffUsers.totpLastStep), lt(staffUsers.totpLastStep, step))))
    .returning({ id: staffUsers.id });
  return rows.length > 0;
}

/** Whether `code` is the user's TOTP code now (not used before) or one of their unused recovery codes. */
async function codeAccepted(deps: SignInDeps, user: StaffUserRow, code: string, nowMs: number): Promise<boolean> {
  const secret = user.totpSecret ? openSecret(user.totpSecret, deps.config.secretKey) : null;
  if (secret) {
    const step = acceptedStep(secret, code, nowMs, user.totpLastStep);
    if (step !== null && (await takeStep(deps.db, user.id, step))) return true;
  }
  return spendRecoveryCode(deps.db, user.id, code, nowMs);
}

/**
 * The TOTP step after the password: a code (or a recovery code) ends the pending session and
 * starts the real one under a new id. Each code (TOTP or recovery) is counted before it is
 * checked, with the password's failures (attempts.ts); wrong ones count as failed sign-ins.
 */
export async function passSecondFactor(deps: SignInDeps, input: { token: string | undefined; code: string } & Client): Promise<StartedSession | Refused> {
  const now = deps.now?.() ?? Date.now();
  const user = await pendingUser(deps.db, input.token, now);
  if (!user || !user.totpEnrolledAt || !needsSecondFactor(deps.config, user.role)) {
    return refused('unauthenticated', 'signInTimedOut');
  }
  const attempt = await limitedAttempt(deps.db, { email: user.email, ip: input.ip }, now, async () =>
    (await codeAccepted(deps, user, input.code.slice(0, 40), now)) ? true : null,
  );
  if (attempt.kind === 'held') return heldBack(attempt.seconds);
  if (!attempt.value) return refused('unauthenticated', 'wrongCode');
  return startSession(
    deps.db,
    { userId: user.id, pending: false, secondFactorPassed: true, ip: input.ip, userAgent: input.userAgent, replacing: input.token },
    deps.config,
    now,
  );
}
