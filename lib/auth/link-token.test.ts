import { describe, expect, it } from 'vitest';
import { parseDuration } from './duration';
import { checkLinkToken, signLinkToken } from './link-token';
import { readSession, signSession } from './session-token';

const secret = 's'.repeat(40);
const now = Date.UTC(2026, 10, 22, 12);

describe('link tokens', () => {
  const token = signLinkToken({ lid: 'l1', acct: 'CUST001', exp: now / 1000 + 60 }, secret);

  it('holds before its expiry and names its account', () => {
    expect(checkLinkToken(token, secret, now)).toMatchObject({ ok: true, payload: { acct: 'CUST001', lid: 'l1' } });
  });

  it('is expired at and after its expiry', () => {
    expect(checkLinkToken(token, secret, now + 60_000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('is tampered when one character changes', () => {
    const last = token.at(-1) === 'A' ? 'B' : 'A';
    expect(checkLinkToken(token.slice(0, -1) + last, secret, now)).toMatchObject({ ok: false });
  });
});

describe('customer sessions', () => {
  const s = { linkId: 'l1', accountCode: 'CUST001', accountUuid: 'u1', expiresAt: now / 1000 + 60 };

  it('reads back what was signed', () => {
    expect(readSession(signSession(s, secret), secret, now)).toEqual(s);
  });

  it('is gone once expired, or when missing or forged', () => {
    expect(readSession(signSession(s, secret), secret, now + 61_000)).toBeNull();
    expect(readSession(undefined, secret, now)).toBeNull();
    expect(readSession(signSession(s, 'o'.repeat(40)), secret, now)).toBeNull();
  });
});

describe('parseDuration', () => {
  it.each([
    ['30m', 1_800_000],
    ['12h', 43_200_000],
    ['7d', 604_800_000],
    ['45s', 45_000],
  ])('%s → %d ms', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['', '7', 'd', '-1d', '1w', '0d', '7 days', '1.5h'])('refuses %j', (text) => expect(parseDuration(text)).toBeNull());
});
