import { describe, expect, it } from 'vitest';
import { resolveEnv } from './schema';

describe('caps and retention settings', () => {
  it('default to 10 new card setups an hour, expiry after a day and 30 days of inbox and expired links', () => {
    const env = resolveEnv({});
    expect(env.cardSetupsPerHour).toBe(10);
    expect(env.maintenance).toEqual({ expireStartedAfterHours: 24, inboxRetentionDays: 30, linkRetentionDays: 30 });
  });

  it('take the configured values', () => {
    const env = resolveEnv({ CARD_SETUPS_PER_HOUR: '3', STARTED_EXPIRE_HOURS: '48', INBOX_RETENTION_DAYS: '7', LINK_RETENTION_DAYS: '90' });
    expect(env.cardSetupsPerHour).toBe(3);
    expect(env.maintenance).toEqual({ expireStartedAfterHours: 48, inboxRetentionDays: 7, linkRetentionDays: 90 });
  });

  it('refuse an expiry shorter than a customer session, and caps or days that are not positive whole numbers, naming the variable', () => {
    expect(() => resolveEnv({ STARTED_EXPIRE_HOURS: '11' })).toThrow(/STARTED_EXPIRE_HOURS: must be at least 12/);
    expect(() => resolveEnv({ CARD_SETUPS_PER_HOUR: '0' })).toThrow(/CARD_SETUPS_PER_HOUR/);
    expect(() => resolveEnv({ INBOX_RETENTION_DAYS: '1.5' })).toThrow(/INBOX_RETENTION_DAYS/);
    expect(() => resolveEnv({ LINK_RETENTION_DAYS: 'forever' })).toThrow(/LINK_RETENTION_DAYS/);
  });
});

describe('schedule and shutdown settings', () => {
  it('default to maintenance every 5 minutes, a card sweep every minute over setups 2 to 60 minutes old, and 20 s of grace on SIGTERM', () => {
    const env = resolveEnv({});
    expect(env.schedule).toEqual({ maintenanceEveryMs: 300_000, sweep: { everyMs: 60_000, afterMs: 120_000, withinMs: 3_600_000 } });
    expect(env.shutdownGraceMs).toBe(20_000);
  });

  it('take the configured values (a test runs the sweep within seconds)', () => {
    const env = resolveEnv({
      MAINTENANCE_INTERVAL_SECONDS: '2',
      CARD_SWEEP_INTERVAL_SECONDS: '1',
      CARD_SWEEP_AFTER_SECONDS: '3',
      CARD_SWEEP_WITHIN_MINUTES: '10',
      SHUTDOWN_GRACE_SECONDS: '5',
    });
    expect(env.schedule).toEqual({ maintenanceEveryMs: 2000, sweep: { everyMs: 1000, afterMs: 3000, withinMs: 600_000 } });
    expect(env.shutdownGraceMs).toBe(5000);
  });

  it('refuse a sweep that would ask about nothing, a grace that is not 1 to 600 whole seconds, and intervals that are not positive, naming the variable', () => {
    expect(() => resolveEnv({ CARD_SWEEP_AFTER_SECONDS: '3600', CARD_SWEEP_WITHIN_MINUTES: '60' })).toThrow(/CARD_SWEEP_AFTER_SECONDS: must be shorter/);
    expect(() => resolveEnv({ SHUTDOWN_GRACE_SECONDS: '0' })).toThrow(/SHUTDOWN_GRACE_SECONDS: must be at least 1/);
    expect(() => resolveEnv({ SHUTDOWN_GRACE_SECONDS: '601' })).toThrow(/SHUTDOWN_GRACE_SECONDS: must be at most 600/);
    expect(() => resolveEnv({ SHUTDOWN_GRACE_SECONDS: '2.5' })).toThrow(/SHUTDOWN_GRACE_SECONDS/);
    expect(() => resolveEnv({ MAINTENANCE_INTERVAL_SECONDS: '0' })).toThrow(/MAINTENANCE_INTERVAL_SECONDS/);
    expect(() => resolveEnv({ CARD_SWEEP_INTERVAL_SECONDS: 'often' })).toThrow(/CARD_SWEEP_INTERVAL_SECONDS/);
  });
});
