import { describe, expect, it } from 'vitest';
import { backoffMs } from './backoff';
import { parseRetryAfter } from './retry-after';

describe('backoffMs', () => {
  it('doubles from 500 ms, caps at 8 s, and jitters within the upper half', () => {
    expect(backoffMs(0, () => 0)).toBe(250);
    expect(backoffMs(0, () => 1)).toBe(500);
    expect(backoffMs(3, () => 1)).toBe(4_000);
    expect(backoffMs(10, () => 1)).toBe(8_000);
    expect(backoffMs(10, () => 0)).toBe(4_000);
  });

  it('takes a client’s own base and cap', () => {
    expect(backoffMs(2, () => 1, { baseMs: 100, maxMs: 300 })).toBe(300);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, ignores junk', () => {
    expect(parseRetryAfter('42', 0)).toBe(42);
    expect(parseRetryAfter(null, 0)).toBeUndefined();
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter('Thu, 01 Jan 2025 00:00:30 GMT', now)).toBe(0); // a date in the past: now
  });
});
