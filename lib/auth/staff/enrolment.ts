import { eq } from 'drizzle-orm';
import { staffUsers } from '@/lib/db/schema';
import { refused, type Refused } from '@/lib/domain/outcomes';
import { replaceRecoveryCodes } from './recovery-codes';
import { openSecret, sealSecret } from './secret-box';
import { startSession, type StartedSession } from './sessions';
import { pendingUser, takeStep } from './second-factor';
import { limitedAttempt } from './attempts';
import { heldBack, type Client, type SignInDeps } from './sign-in';
import { acceptedStep, newTotpSecret, totpUri } from './totp';

/** What the enrolment page shows: the secret (once, before it is confirmed) and its otpauth:// address for the QR code. */
export async function startEnrolment(deps: SignInDeps, token: string | undefined): Promise<{ email: string; secret: string; uri: string } | Refused> {
  const now = deps.now?.() ?? Date.now();
  const user = await pendingUser(deps.db, token, now);
  if (!user || user.totpEnrolledAt) return refused('unauthenticated', 'signInTimedOut');
  let secret = user.totpSecret ? openSecret(user.totpSecret, deps.config.secretKey) : null;
  if (!secret) {
    secret = newTotpSecret();
    await deps.db
      .update(staffUsers)
      .set({ totpSecret: sealSecret(secret, deps.config.secretKey), totpLastStep: null, updatedAt: new Date(now) })
      .where(eq(staffUsers.id, user.id));
  }
  return { email: user.email, secret, uri: totpUri(secret, user.email) };
}

/** The first code from the new authenticator: enrolled, ten recovery codes made (shown once), and the real session begins. */
export async function confirmEnrolment(
  deps: SignInDeps,
  input: { token: string | undefined; code: string } & Client,
): Promise<(StartedSession & { recoveryCodes: string[] }) | Refused> {
  const now = deps.now?.() ?? Date.now();
  const user = await pendingUser(deps.db, input.token, now);
  const secret = user?.totpSecret && !user.totpEnrolledAt ? openSecret(user.totpSecret, deps.config.secretKey) : null;
  if (!user || !secret) return refused('unauthenticated', 'signInTimedOut');
  const attempt = await limitedAttempt(deps.db, { email: user.email, ip: input.ip }, now, async () => {
    const step = acceptedStep(secret, input.code.slice(0, 40), now, user.totpLastStep);
    return step !== null && (await takeStep(deps.db, user.id, step)) ? true : null;
  });
  if (attempt.kind === 'held') return heldBack(attempt.seconds);
  if (!attempt.value) return refused('unauthenticated', 'wrongCode');
  await deps.db
    .update(staffUsers)
    .set({ totpEnrolledAt: new Date(now), updatedAt: new Date(now) })
    .where(eq(staffUsers.id, user.id));
  const recoveryCodes = await replaceRecoveryCodes(deps.db, user.id);
  const session = await startSession(
    deps.db,
    { userId: user.id, pending: false, secondFactorPassed: true, ip: input.ip, userAgent: input.userAgent, replacing: input.token },
    deps.config,
    now,
  );
  return { ...session, recoveryCodes };
}
