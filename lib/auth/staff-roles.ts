/** Staff roles, each allowed what the ones before it are (DESIGN.md, issue "Staff console"). */
export const STAFF_ROLES = ['viewer', 'support', 'operator', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export type StaffUser = { id: string; email: string; name: string; role: StaffRole };

/** True when `have` may do what `need` may: viewer < support < operator < admin. */
export function roleAllows(have: StaffRole, need: StaffRole): boolean {
  return STAFF_ROLES.indexOf(have) >= STAFF_ROLES.indexOf(need);
}
