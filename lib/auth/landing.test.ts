import { describe, expect, it } from 'vitest';
import { checkLinkToken, signLinkToken } from './link-token';
import { isLandingPath, landingOrHome, landingPaths } from './landing';

describe('link landing paths', () => {
  it('allows the portal, its add-card view and an approval page', () => {
    expect(isLandingPath('/pay')).toBe(true);
    expect(isLandingPath(landingPaths.addCard())).toBe(true);
    expect(isLandingPath(landingPaths.approve('pi_3Abc123XYZ'))).toBe(true);
  });

  it.each([
    'https://evil.example/pay',
    '//evil.example/pay',
    '/\\evil.example',
    '/pay/approve/pi_abc/../../staff',
    '/pay/approve/pi_abc?next=https://evil.example',
    '/pay/approve/seti_abc',
    '/pay/approve/',
    '/pay/approve/pi_' + 'a'.repeat(65),
    '/staff/accounts',
    '/pay#other',
    '/pay/',
    ' /pay',
    '/pay\n',
    'javascript:alert(1)',
    '',
  ])('refuses %j', (path) => {
    expect(isLandingPath(path)).toBe(false);
    expect(landingOrHome(path)).toBe('/pay');
  });

  it('refuses what is not a string', () => {
    for (const v of [undefined, null, 42, ['/pay'], { path: '/pay' }]) expect(landingOrHome(v)).toBe('/pay');
  });

  it('is signed inside the link token: changing it breaks the signature', () => {
    const secret = 'x'.repeat(32);
    const token = signLinkToken({ lid: 'l1', acct: 'C1', exp: 2_000_000_000, to: '/pay/approve/pi_1' }, secret);
    const check = checkLinkToken(token, secret, 0);
    expect(check.ok && check.payload.to).toBe('/pay/approve/pi_1');
    const [data, sig] = token.split('.');
    const payload = JSON.parse(Buffer.from(data ?? '', 'base64url').toString()) as Record<string, unknown>;
    const forged = `${Buffer.from(JSON.stringify({ ...payload, to: '/staff' })).toString('base64url')}.${sig}`;
    expect(checkLinkToken(forged, secret, 0)).toEqual({ ok: false, reason: 'tampered' });
  });

  it('a token without a landing (every link issued before) still opens, on the portal', () => {
    const secret = 'x'.repeat(32);
    const check = checkLinkToken(signLinkToken({ lid: 'l1', acct: 'C1', exp: 2_000_000_000 }, secret), secret, 0);
    expect(check.ok && landingOrHome(check.payload.to)).toBe('/pay');
  });
});
