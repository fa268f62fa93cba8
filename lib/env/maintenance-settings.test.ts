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
