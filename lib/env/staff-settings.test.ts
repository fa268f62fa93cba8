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

  it('the test-only session lengths in seconds: taken in sandbox mode, refused with a live key', () => {
    expect(resolveEnv({ SANDBOX_STAFF_SESSION_SECONDS: '6,30' }).staff).toMatchObject({ sessionIdleMinutes: 0.1, sessionMaxHours: 30 / 3600 });
    expect(() => resolveEnv({ SANDBOX_STAFF_SESSION_SECONDS: '6' })).toThrow(/SANDBOX_STAFF_SESSION_SECONDS/);
    const live = {
      FENERUM_API_TOKEN: 't',
      LINK_SECRET: 'x'.repeat(40),
      PORTAL_API_KEY: 'y'.repeat(40),
      FENERUM_WEBHOOK_PASSWORD: 'z'.repeat(20),
      STRIPE_SECRET_KEY: 'sk_live_x',
      NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: 'pk_live_x',
      STRIPE_WEBHOOK_SECRET: 'whsec_x',
    };
    expect(resolveEnv(live).staff.sessionIdleMinutes).toBe(30);
    expect(() => resolveEnv({ ...live, SANDBOX_STAFF_SESSION_SECONDS: '6,30' })).toThrow(/SANDBOX_STAFF_SESSION_SECONDS: a test setting/);
  });
});
