import { randomInt, randomUUID } from 'node:crypto';
import { hashPassword } from '@/lib/auth/staff/password';
import { sealSecret } from '@/lib/auth/staff/secret-box';
import { newTotpSecret } from '@/lib/auth/staff/totp';
import { insertStaffUser } from '@/lib/staff/users/users';
import type { StaffRole } from '@/lib/auth/staff-roles';
import type { SignInDeps } from '@/lib/auth/staff/sign-in';
import { env } from '@/lib/env';
import { appContext } from '@/lib/server/context';

export const PASSWORD = 'integration-staff-pass';

/** The sign-in use cases' dependencies on the suite's database, with a clock a test may set. */
export async function staffDeps(now?: () => number): Promise<SignInDeps> {
  const { db } = await appContext();
  const config = { idleMinutes: 30, maxHours: 12, secondFactorRoles: ['operator', 'admin'], secretKey: env().linkSecret };
  return now ? { db, config, now } : { db, config };
}

/** An address no other test uses, so per-address counts are this test's own. */
export function freshIp(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

/** A staff user of its own for one test; `enrolled` gives it a TOTP secret (returned in the clear). */
export async function freshStaff(role: StaffRole, opts: { enrolled?: boolean } = {}) {
  const { db } = await appContext();
  const secret = opts.enrolled ? newTotpSecret() : null;
  const user = await insertStaffUser(db, {
    email: `it-${randomUUID()}@staff.test`,
    name: 'Integration Test',
    role,
    passwordHash: await hashPassword(PASSWORD),
    totpSecret: secret ? sealSecret(secret, env().linkSecret) : null,
    totpEnrolledAt: secret ? new Date() : null,
  });
  if (!user) throw new Error('could not add a staff user');
  return { user, secret };
}
