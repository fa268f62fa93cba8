import { describe, expect, it } from 'vitest';
import { expiryStatus } from './expiry';

const nov2026 = new Date(Date.UTC(2026, 10, 22));

describe('expiryStatus', () => {
  it('a card expiring this month or next expires soon (within two months)', () => {
    expect(expiryStatus(11, 2026, nov2026)).toBe('soon');
    expect(expiryStatus(12, 2026, nov2026)).toBe('soon');
  });
  it('a card expiring in three months or later is valid', () => {
    expect(expiryStatus(1, 2027, nov2026)).toBe('valid');
    expect(expiryStatus(12, 2034, nov2026)).toBe('valid');
  });
  it('a card whose month has passed is expired', () => {
    expect(expiryStatus(10, 2026, nov2026)).toBe('expired');
    expect(expiryStatus(12, 2025, nov2026)).toBe('expired');
  });
});
