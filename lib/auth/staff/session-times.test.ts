import { describe, expect, it } from 'vitest';
import { isLive, PENDING_MINUTES, sessionTimes, touchedIdleExpiry } from './session-times';

const limits = { idleMinutes: 30, maxHours: 12 };
const T = 1_800_000_000_000;
const MIN = 60_000;

describe('staff session expiry', () => {
  it('a full session lasts 30 idle minutes and 12 hours at most', () => {
    const s = sessionTimes(T, limits, false);
    expect(s.idleExpiresAt.getTime()).toBe(T + 30 * MIN);
    expect(s.expiresAt.getTime()).toBe(T + 12 * 60 * MIN);
    expect(isLive(s, T + 30 * MIN - 1)).toBe(true);
    expect(isLive(s, T + 30 * MIN)).toBe(false);
  });

  it('between password and second factor: ten minutes, idle or not', () => {
    const s = sessionTimes(T, limits, true);
    expect(s.expiresAt.getTime()).toBe(T + PENDING_MINUTES * MIN);
    expect(s.idleExpiresAt.getTime()).toBe(T + PENDING_MINUTES * MIN);
  });

  it('activity moves the idle expiry on, never past the absolute one, and is written at most once a minute', () => {
    const s = { ...sessionTimes(T, limits, false), lastSeenAt: new Date(T) };
    expect(touchedIdleExpiry(s, T + 30_000, limits)).toBeNull();
    expect(touchedIdleExpiry(s, T + 20 * MIN, limits)?.getTime()).toBe(T + 50 * MIN);
    const late = T + 12 * 60 * MIN - 5 * MIN;
    expect(touchedIdleExpiry(s, late, limits)?.getTime()).toBe(s.expiresAt.getTime());
    expect(isLive({ expiresAt: s.expiresAt, idleExpiresAt: s.expiresAt }, s.expiresAt.getTime())).toBe(false);
  });

  it('idle limit longer than the absolute one is capped by it', () => {
    const s = sessionTimes(T, { idleMinutes: 24 * 60, maxHours: 1 }, false);
    expect(s.idleExpiresAt.getTime()).toBe(T + 60 * MIN);
  });
});
