import { describe, expect, it } from 'vitest';
import { ADDRESS_LIMIT, ATTEMPT_LIMIT, holdBackSeconds } from './attempts';

const T = 1_800_000_000_000;

describe('sign-in attempt limit', () => {
  it('nine failures in the window: still allowed', () => {
    expect(holdBackSeconds(9, T - 60_000, T)).toBeNull();
  });

  it('ten failures: held back until the oldest leaves the fifteen minutes', () => {
    expect(ATTEMPT_LIMIT).toEqual({ failures: 10, windowMinutes: 15 });
    expect(holdBackSeconds(10, T - 5 * 60_000, T)).toBe(10 * 60);
    expect(holdBackSeconds(25, T - 14 * 60_000 - 59_500, T)).toBe(1);
  });

  it('an address is held back after fifty failures across emails', () => {
    expect(holdBackSeconds(49, T - 60_000, T, ADDRESS_LIMIT)).toBeNull();
    expect(holdBackSeconds(50, T - 60_000, T, ADDRESS_LIMIT)).toBe(14 * 60);
  });

  it('never says zero seconds', () => {
    expect(holdBackSeconds(10, T - 15 * 60_000, T)).toBe(1);
  });
});
