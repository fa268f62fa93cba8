import { describe, expect, it } from 'vitest';
import { ENDED_SESSION_KEPT_SECONDS, readSession, readSessionAnyAge, sessionCookie, sessionCookieName } from './session-token';

const secret = 'x'.repeat(32);
const session = { linkId: 'l1', accountCode: 'CUST001', accountUuid: 'u1', expiresAt: 2_000_000_000 };

describe('the session cookie', () => {
  it('is __Host-portal_session under https: Secure, Path=/, no Domain', () => {
    const c = sessionCookie(session, secret, 'https://portal.example.com');
    expect(sessionCookieName('https://portal.example.com')).toBe('__Host-portal_session');
    expect(c).toMatchObject({ name: '__Host-portal_session', secure: true, path: '/', httpOnly: true, sameSite: 'lax' });
    expect(c).not.toHaveProperty('domain');
  });

  it('is portal_session on plain http, where browsers refuse the __Host- prefix (no Secure)', () => {
    const c = sessionCookie(session, secret, 'http://localhost:3000');
    expect(c).toMatchObject({ name: 'portal_session', secure: false, path: '/' });
  });

  it('carries a signed session that reads back until its own expiry; the cookie outlives it a week to say it ended', () => {
    const c = sessionCookie(session, secret, 'https://portal.example.com');
    expect(c.expires).toEqual(new Date((session.expiresAt + ENDED_SESSION_KEPT_SECONDS) * 1000));
    expect(ENDED_SESSION_KEPT_SECONDS).toBe(7 * 24 * 3600);
    expect(readSession(c.value, secret, 1_000_000_000_000)).toEqual(session);
    const after = (session.expiresAt + 1) * 1000;
    expect(readSession(c.value, secret, after)).toBeNull();
    expect(readSessionAnyAge(c.value, secret)).toEqual(session);
    expect(readSessionAnyAge(c.value, 'another-secret-another-secret-xx')).toBeNull();
  });
});
