import { describe, expect, it } from 'vitest';
import { addressKey, maskedAddress, normalAddress } from './link-request-budget';

describe('how a new-link request’s address is kept', () => {
  it('compares addresses without case or surrounding spaces', () => {
    expect(normalAddress('  Anna.Berg@Example.DK ')).toBe('anna.berg@example.dk');
    expect(addressKey('Anna.Berg@Example.DK', 'k'.repeat(32))).toBe(addressKey(' anna.berg@example.dk', 'k'.repeat(32)));
  });

  it('keeps a keyed hash, never the address: another secret, another key', () => {
    const key = addressKey('anna@example.dk', 'k'.repeat(32));
    expect(key).not.toContain('anna');
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(addressKey('anna@example.dk', 'j'.repeat(32))).not.toBe(key);
    expect(addressKey('anne@example.dk', 'k'.repeat(32))).not.toBe(key);
  });

  it('masks an address to its first character and domain for an audit line', () => {
    expect(maskedAddress('anna.berg@example.dk')).toBe('a•••@example.dk');
    expect(maskedAddress('@example.dk')).toBe('•••');
    expect(maskedAddress('no-at-sign')).toBe('•••');
  });
});
