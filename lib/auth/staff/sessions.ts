import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { StaffRole, StaffUser } from '@/lib/auth/staff-roles';
import type { Db } from '@/lib/db/connect';
import { staffSessions, staffUsers } from '@/lib/db/schema';
import { isLive, sessionTimes, touchedIdleExpiry, type SessionLimits } from './session-times';

/** The cookie's value: 32 random bytes. Only its SHA-256 is stored, so a database copy signs no one in. */
function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export type StartedSession = { token: string; expiresAt: Date };

/** A new session for `userId` (a new random id: the id rotates at every sign-in step); `replacing` ends the one before. */
export async function startSession(
  db: Db,
  opts: { userId: string; pending: boolean; secondFactorPassed: boolean; ip: string | null; userAgent: string | null; replacing?: string | null },
  limits: SessionLimits,
  nowMs: number,
): Promise<StartedSession> {
  if (opts.replacing) await endSession(db, opts.replacing);
  const token = newSessionToken();
  const times = sessionTimes(nowMs, limits, opts.pending);
  await db.insert(staffSessions).values({
    idHash: hashToken(token),
    userId: opts.userId,
    createdAt: new Date(nowMs),
    lastSeenAt: new Date(nowMs),
    ...times,
    ip: opts.ip,
    userAgent: opts.userAgent?.slice(0, 500) ?? null,
    secondFactorPassed: opts.secondFactorPassed,
  });
  return { token, expiresAt: times.expiresAt };
}

export async function endSession(db: Db, token: string): Promise<void> {
  if (!TOKEN_SHAPE.test(token)) return;
  await db.delete(staffSessions).where(eq(staffSessions.idHash, hashToken(token)));
}

/** Ends every session of a user (disabled, password reset, second factor reset). */
export async function endSessionsOf(db: Db, userId: string): Promise<void> {
  await db.delete(staffSessions).where(eq(staffSessions.userId, userId));
}

export type LiveSession = {
  user: StaffUser;
  /** The session's row (the SHA-256 of the cookie's id): what a step-up is bound to. */
  idHash: string;
  secondFactorPassed: boolean;
  /** Until when a step-up code typed in this session holds (lib/auth/staff/step-up.ts); null: none typed. */
  stepUpUntil: Date | null;
  enrolled: boolean;
  expiresAt: Date;
};

/** The live session a cookie names, with its enabled user; null when unknown, expired or the user is disabled. */
export async function readLiveSession(db: Db, token: string | undefined, limits: SessionLimits, nowMs: number): Promise<LiveSession | null> {
  if (!token || !TOKEN_SHAPE.test(token)) return null;
  const idHash = hashToken(token);
  const [row] = await db
    .select({ s: staffSessions, u: staffUsers })
    .from(staffSessions)
    .innerJoin(staffUsers, eq(staffUsers.id, staffSessions.userId))
    .where(and(eq(staffSessions.idHash, idHash), isNull(staffUsers.disabledAt), gt(staffSessions.expiresAt, new Date(nowMs))))
    .limit(1);
  if (!row || !isLive(row.s, nowMs)) return null;
  const idle = touchedIdleExpiry(row.s, nowMs, limits);
  if (idle) {
    await db
      .update(staffSessions)
      .set({ lastSeenAt: new Date(nowMs), idleExpiresAt: idle })
      .where(eq(staffSessions.idHash, idHash));
  }
  const { id, email, name, role } = row.u;
  return {
    user: { id, email, name, role: role as StaffRole },
    idHash,
    secondFactorPassed: row.s.secondFactorPassed,
    stepUpUntil: row.s.stepUpUntil,
    enrolled: row.u.totpEnrolledAt !== null,
    expiresAt: row.s.expiresAt,
  };
}
