import type { StaffRole } from '@/lib/auth/staff-roles';
import type { Db } from '@/lib/db/connect';
import { hashPassword } from './password';
import { sealSecret } from './secret-box';
import { secondsLeft, totpCode } from './totp';
import { findStaffByEmail, insertStaffUser } from '@/lib/staff/users/users';

/**
 * The sandbox's staff: one user of each role, one published password, and for support, operator and
 * admin a published TOTP secret (the sandbox home page shows the current code). Sandbox mode
 * only: never seeded when any provider has a live key.
 */
export const SANDBOX_STAFF_PASSWORD = 'sandbox-staff-password';
export const SANDBOX_TOTP_SECRET = 'KVKFKRCPNZQUYMLXOVYDSQKJKZDTSRLD';

export const SANDBOX_STAFF: readonly { email: string; name: string; role: StaffRole; totp: boolean }[] = [
  { email: 'viewer@sandbox.test', name: 'Vera Viewer', role: 'viewer', totp: false },
  { email: 'support@sandbox.test', name: 'Sune Support', role: 'support', totp: true },
  { email: 'operator@sandbox.test', name: 'Olga Operator', role: 'operator', totp: true },
  { email: 'admin@sandbox.test', name: 'Anders Admin', role: 'admin', totp: true },
];

export function sandboxStaffEmail(role: StaffRole): string {
  return `${role}@sandbox.test`;
}

/** Adds the sandbox's staff that are missing (several instances at once: the unique email decides). */
export async function seedSandboxStaff(db: Db, secretKey: string): Promise<void> {
  for (const s of SANDBOX_STAFF) {
    if (await findStaffByEmail(db, s.email)) continue;
    await insertStaffUser(db, {
      email: s.email,
      name: s.name,
      role: s.role,
      passwordHash: await hashPassword(SANDBOX_STAFF_PASSWORD),
      totpSecret: s.totp ? sealSecret(SANDBOX_TOTP_SECRET, secretKey) : null,
      totpEnrolledAt: s.totp ? new Date() : null,
    });
  }
}

/** The seeded operator's and admin's code right now, and the seconds until it changes (the sandbox home page). */
export function sandboxCodeNow(): { code: string; secondsLeft: number } {
  const now = Date.now();
  return { code: totpCode(SANDBOX_TOTP_SECRET, now), secondsLeft: secondsLeft(now) };
}
