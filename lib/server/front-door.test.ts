import { describe, expect, it } from 'vitest';
import { frontDoorAnswer, withPeer } from './front-door';

describe('the front door (answers what Next would turn into a 500)', () => {
  it.each(['TRACE', 'TRACK', 'CONNECT', 'FOO', undefined])('%s → 405 with Allow', (method) => {
    expect(frontDoorAnswer(method, '/api/links')).toMatchObject({ status: 405, headers: { Allow: expect.stringContaining('GET') } });
  });

  it.each(['/pay/%E0%A4%A', '/api/links/%ZZ', '/pay/%', '/%'])('a malformed escape in the path (%s) → 400', (url) => {
    expect(frontDoorAnswer('GET', url)).toMatchObject({ status: 400 });
  });

  it.each([
    ['GET', '/pay/abc.def'],
    ['POST', '/api/links'],
    ['DELETE', '/api/links/%2e%2e'],
    ['GET', '/pay/quickpay/return?r=%ZZ'],
  ])('lets %s %s through to Next', (method, url) => {
    expect(frontDoorAnswer(method, url)).toBeNull();
  });

  it('appends the socket address to X-Forwarded-For, as a proxy would', () => {
    expect(withPeer(undefined, '127.0.0.1')).toBe('127.0.0.1');
    expect(withPeer('6.6.6.6', '127.0.0.1')).toBe('6.6.6.6, 127.0.0.1');
    expect(withPeer(['1.1.1.1', '2.2.2.2'], '::1')).toBe('1.1.1.1, 2.2.2.2, ::1');
    expect(withPeer('6.6.6.6', undefined)).toBe('6.6.6.6, unknown');
  });
});
