import { describe, expect, it } from 'vitest';
import { MAIL_MAX_ATTEMPTS, mailRetryDelayMs } from './send';

const HOUR = 60 * 60_000;
const middle = () => 0.5; // no jitter: the base delay

describe('mail retry schedule', () => {
  it('waits 30 s after the first failure, doubling to an hour, never more', () => {
    expect([1, 2, 3, 4].map((a) => mailRetryDelayMs(a, middle))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(mailRetryDelayMs(8, middle)).toBe(HOUR);
    expect(mailRetryDelayMs(29, middle)).toBe(HOUR);
  });

  it('jitters by at most a quarter either way', () => {
    expect(mailRetryDelayMs(1, () => 0)).toBe(22_500);
    expect(mailRetryDelayMs(1, () => 1)).toBe(37_500);
  });

  it('keeps trying for about a day before a message fails for good', () => {
    // A message that failed `attempts` times waits once after each failure but the last.
    let total = 0;
    for (let attempts = 1; attempts < MAIL_MAX_ATTEMPTS; attempts++) total += mailRetryDelayMs(attempts, middle);
    expect(total).toBeGreaterThan(22 * HOUR);
    expect(total).toBeLessThan(26 * HOUR);
  });
});
