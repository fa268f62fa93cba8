import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { recordAttempt } from '@/lib/auth/staff/attempts';
import { pruneStaffAuth } from '@/lib/auth/staff/prune';
import { startSession } from '@/lib/auth/staff/sessions';
import { staffSessions, staffSignInAttempts } from '@/lib/db/schema';
import { freshIp, freshStaff, staffDeps } from '@/test/support/staff-fixtures';

describe('pruning staff sign-in data', () => {
  it('deletes ended sessions and day-old attempts, keeps live ones and recent attempts', async () => {
    const deps = await staffDeps();
    const { user } = await freshStaff('viewer');
    const now = Date.now();
    const client = { userId: user.id, pending: false, secondFactorPassed: false, ip: null, userAgent: null };
    await startSession(deps.db, client, deps.config, now - 13 * 3600_000); // past its 12 hours
    await startSession(deps.db, client, deps.config, now);
    const ip = freshIp();
    await recordAttempt(deps.db, user.email, ip, false, now - 25 * 3600_000);
    await recordAttempt(deps.db, user.email, ip, false, now - 60_000);
    await pruneStaffAuth(deps.db, now);
    expect(await deps.db.select().from(staffSessions).where(eq(staffSessions.userId, user.id))).toHaveLength(1);
    expect(await deps.db.select().from(staffSignInAttempts).where(eq(staffSignInAttempts.ip, ip))).toHaveLength(1);
  });
});
