import { describe, expect, it } from 'vitest';
import { readSession, sessionCookie, sessionCookieName } from './session-token';

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

  it('carries a signed session that reads back, and expires with it', () => {
    const c = sessionCookie(session, secret, 'https://portal.example.com');
    expect(c.expires).toEqual(new Date(session.expiresAt * 1000));
    expect(readSession(c.value, secret, 1_000_000_000_000)).toEqual(session);
  });
});
