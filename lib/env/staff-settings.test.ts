import { describe, expect, it } from 'vitest';
import { resolveEnv, secondFactorWarning } from './schema';

describe('staff sign-in settings', () => {
  it('defaults: a second factor for support, operator and admin, 30 idle minutes, 12 hours, a step-up above 1,000.00', () => {
    expect(resolveEnv({}).staff).toEqual({
      secondFactorRoles: ['support', 'operator', 'admin'],
      sessionIdleMinutes: 30,
      sessionMaxHours: 12,
      refundStepUpAboveMinor: 100_000,
    });
  });

  it('warns when a role that can send or refund may sign in without a second factor, and only then', () => {
    expect(secondFactorWarning(resolveEnv({}).staff.secondFactorRoles)).toBeNull();
    expect(secondFactorWarning(resolveEnv({ STAFF_SECOND_FACTOR_ROLES: 'operator,admin' }).staff.secondFactorRoles)).toMatch(/lets support sign in without/);
    expect(secondFactorWarning(resolveEnv({ STAFF_SECOND_FACTOR_ROLES: 'none' }).staff.secondFactorRoles)).toMatch(/support, operator, admin/);
  });

  it('the refund step-up amount: whole minor units, 0 for every refund, anything else refused by name', () => {
    expect(resolveEnv({ REFUND_STEP_UP_ABOVE_MINOR: '0' }).staff.refundStepUpAboveMinor).toBe(0);
    expect(resolveEnv({ REFUND_STEP_UP_ABOVE_MINOR: '250000' }).staff.refundStepUpAboveMinor).toBe(250_000);
    for (const bad of ['-1', '10.5', 'lots', '1000000000'])
      expect(() => resolveEnv({ REFUND_STEP_UP_ABOVE_MINOR: bad }), bad).toThrow(/REFUND_STEP_UP_ABOVE_MINOR/);
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
      MERCHANT_NAME: 'Havblik A/S',
      MERCHANT_SUPPORT_EMAIL: 'support@havblik.example',
    };
    expect(resolveEnv(live).staff.sessionIdleMinutes).toBe(30);
    expect(() => resolveEnv({ ...live, SANDBOX_STAFF_SESSION_SECONDS: '6,30' })).toThrow(/SANDBOX_STAFF_SESSION_SECONDS: a test setting/);
  });
});
