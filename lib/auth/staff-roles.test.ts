import { describe, expect, it } from 'vitest';
import { roleAllows, STAFF_ROLES } from './staff-roles';

describe('roleAllows', () => {
  it('lets each role do what the roles below it may, and nothing above', () => {
    expect(roleAllows('viewer', 'viewer')).toBe(true);
    expect(roleAllows('viewer', 'support')).toBe(false);
    expect(roleAllows('support', 'viewer')).toBe(true);
    expect(roleAllows('operator', 'admin')).toBe(false);
    expect(roleAllows('admin', 'operator')).toBe(true);
  });

  it('orders the four roles viewer → support → operator → admin', () => {
    expect(STAFF_ROLES).toEqual(['viewer', 'support', 'operator', 'admin']);
    for (const need of STAFF_ROLES) expect(roleAllows('admin', need)).toBe(true);
  });
});
