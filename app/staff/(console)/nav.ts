import type { StaffRole } from '@/lib/auth/staff-roles';
import type messages from '@/messages/en.json';

/**
 * The console's menu, one line per page: the lowest role that sees it, and whether it is still
 * to come (shown, not linked). Add a page by adding its line here and its label under
 * `staffConsole.links` in messages/en.json and messages/da.json.
 */
export type NavItem = { href: string; label: keyof (typeof messages)['staffConsole']['links']; role: StaffRole; coming?: boolean };

export const STAFF_NAV: readonly NavItem[] = [
  { href: '/staff', label: 'home', role: 'viewer' },
  { href: '/staff/accounts', label: 'accounts', role: 'viewer' },
  { href: '/staff/payments', label: 'payments', role: 'viewer' },
  { href: '/staff/campaigns', label: 'campaigns', role: 'operator' },
  { href: '/staff/imports', label: 'imports', role: 'operator' },
  { href: '/staff/audit', label: 'audit', role: 'admin' },
  { href: '/staff/users', label: 'users', role: 'admin' },
];
