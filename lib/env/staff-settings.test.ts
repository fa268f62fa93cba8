import { describe, expect, it } from 'vitest';
import { resolveEnv } from './schema';

describe('staff sign-in settings', () => {
  it('defaults: a second factor for operator and admin, 30 idle minutes, 12 hours', () => {
    expect(resolveEnv({}).staff).toEqual({ secondFactorRoles: ['operator', 'admin'], sessionIdleMinutes: 30, sessionMaxHours: 12 });
  });

  it('takes a list of roles, or none', () => {
    expect(resolveEnv({ STAFF_SECOND_FACTOR_ROLES: 'support, operator,admin' }).staff.secondFactorRoles).toEqual(['support', 'operator', 'admin']);
    expect(resolveEnv({ STAFF_SECOND_FACTOR_ROLES: 'none' }).staff.secondFactorRoles).toEqual([]);
  });

  it('refuses an unknown role and a session length that is not a positive whole number, naming the variable', () => {
    expect(() => resolveEnv({ STAFF_SECOND_FACTOR_ROLES: 'operator,boss' })).toThrow(/STAFF_SECOND_FACTOR_ROLES/);
    expect(() => resolveEnv({ STAFF_SESSION_IDLE_MINUTES: '0' })).toThrow(/STAFF_SESSION_IDLE_MINUTES/);
    expect(() => resolveEnv({ STAFF_SESSION_MAX_HOURS: 'soon' })).toThrow(/STAFF_SESSION_MAX_HOURS/);
  });
});
