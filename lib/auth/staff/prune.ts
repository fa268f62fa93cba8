import { lt, or } from 'drizzle-orm';
import type { Db } from '@/lib/db/connect';
import { staffSessions, staffSignInAttempts } from '@/lib/db/schema';

/** Sign-in attempts are counted over fifteen minutes; a day of them is kept for a look afterwards. */
const ATTEMPT_RETENTION_MS = 24 * 3600_000;

/** Deletes sessions that have ended (idle or absolute) and sign-in attempts older than a day (maintenance, every few minutes). */
export async function pruneStaffAuth(db: Db, nowMs: number): Promise<{ sessions: number; attempts: number }> {
  const now = new Date(nowMs);
  const sessions = await db
    .delete(staffSessions)
    .where(or(lt(staffSessions.expiresAt, now), lt(staffSessions.idleExpiresAt, now)))
    .returning({ id: staffSessions.idHash });
  const attempts = await db
    .delete(staffSignInAttempts)
    .where(lt(staffSignInAttempts.createdAt, new Date(nowMs - ATTEMPT_RETENTION_MS)))
    .returning({ id: staffSignInAttempts.id });
  return { sessions: sessions.length, attempts: attempts.length };
}
