import type { Browser } from '@playwright/test';
import { STAFF_ROLES, type StaffRole } from '../../lib/auth/staff-roles';
import { signInStaff } from './staff';

/** The Cookie header of a signed-in session per role (the sandbox's seeded users), for requests made without a page. */
export type RoleCookies = Record<StaffRole, string>;

export async function signInEveryRole(browser: Browser, roles: readonly StaffRole[] = STAFF_ROLES): Promise<RoleCookies> {
  const cookies: Partial<RoleCookies> = {};
  for (const role of roles) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInStaff(page, role);
    cookies[role] = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    await context.close();
  }
  return cookies as RoleCookies;
}
