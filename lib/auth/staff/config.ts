import type { StaffRole } from '@/lib/auth/staff-roles';
import type { SessionLimits } from './session-times';

/** What staff sign-in needs from the configuration (lib/env: STAFF_*), plus the key TOTP secrets are sealed with. */
export type StaffAuthConfig = SessionLimits & { secondFactorRoles: readonly string[]; secretKey: string };

export function needsSecondFactor(config: Pick<StaffAuthConfig, 'secondFactorRoles'>, role: StaffRole): boolean {
  return config.secondFactorRoles.includes(role);
}
