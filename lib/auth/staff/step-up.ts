import { eq } from 'drizzle-orm';
import type { Db } from '@/lib/db/connect';
import { staffSessions, staffUsers } from '@/lib/db/schema';
import { limitedAttempt } from './attempts';
import { takeStep } from './second-factor';
import { openSecret } from './secret-box';
import { acceptedStep } from './totp';

/** How long a step-up code, once passed, lets its session make refunds that need one. */
export const STEP_UP_MINUTES = 5;

/** Whether a step-up passed until `until` still holds at `nowMs`. */
export const stepUpHolds = (until: Date | null, nowMs: number): boolean => until !== null && until.getTime() > nowMs;

/** When a step-up passed at `nowMs` ends. */
export const stepUpEnds = (nowMs: number): Date => new Date(nowMs + STEP_UP_MINUTES * 60_000);

export type StepUpDeps = { db: Db; secretKey: string };
/** Who types the code: the user, their session (the step-up is bound to it) and their address (counted like sign-in's). */
export type StepUpWho = { userId: string; email: string; sessionHash: string; ip: string | null };
export type StepUpAnswer = { kind: 'passed'; until: Date } | { kind: 'wrong' } | { kind: 'held'; seconds: number } | { kind: 'not-enrolled' };

/**
 * A fresh TOTP code typed for a step-up (never a recovery code: those are for signing in without
 * the phone). Counted before it is checked, with sign-in's failures (attempts.ts): wrong codes
 * hold the email back as wrong sign-in codes do. A code is taken once (the user's last step),
 * so a code just used to sign in, or for another step-up, does not pass again. Passed, the
 * session's step-up holds STEP_UP_MINUTES from now, in the database.
 */
export async function passStepUp(deps: StepUpDeps, who: StepUpWho, code: string, nowMs: number): Promise<StepUpAnswer> {
  const [user] = await deps.db.select().from(staffUsers).where(eq(staffUsers.id, who.userId)).limit(1);
  const secret = user?.totpSecret && user.totpEnrolledAt ? openSecret(user.totpSecret, deps.secretKey) : null;
  if (!user || !secret) return { kind: 'not-enrolled' };
  const attempt = await limitedAttempt(deps.db, { email: user.email, ip: who.ip }, nowMs, async () => {
    const step = acceptedStep(secret, code.slice(0, 40), nowMs, user.totpLastStep);
    return step !== null && (await takeStep(deps.db, user.id, step)) ? true : null;
  });
  if (attempt.kind === 'held') return { kind: 'held', seconds: attempt.seconds };
  if (!attempt.value) return { kind: 'wrong' };
  const until = stepUpEnds(nowMs);
  await deps.db.update(staffSessions).set({ stepUpUntil: until }).where(eq(staffSessions.idHash, who.sessionHash));
  return { kind: 'passed', until };
}
