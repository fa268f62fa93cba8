import { describe, expect, it } from 'vitest';
import { actionOriginRefusal } from './action-origin';

const action = { 'next-action': '7f00aa', 'content-type': 'text/plain;charset=UTF-8', host: 'portal.example.com' };

describe('a Server Action from another site', () => {
  it('a foreign, malformed or "null" Origin on a Next-Action POST: 403 with a sentence', () => {
    for (const origin of ['https://evil.example', 'null', 'not a url', 'https://portal.example.com.evil.example', 'http://portal.example.com:8080']) {
      expect(actionOriginRefusal('POST', '/staff/accounts/X', { ...action, origin })).toMatchObject({
        status: 403,
        error: expect.stringMatching(/nothing was done/),
      });
    }
  });

  it('a form posted without JavaScript (multipart) from another site: 403 too', () => {
    const form = { 'content-type': 'multipart/form-data; boundary=x', host: 'portal.example.com', origin: 'https://evil.example' };
    expect(actionOriginRefusal('POST', '/staff/users', form)).toMatchObject({ status: 403 });
  });

  it('lets through what Next would run: our own Origin (Host or the first X-Forwarded-Host), no Origin, other requests', () => {
    expect(actionOriginRefusal('POST', '/staff', { ...action, origin: 'https://portal.example.com' })).toBeNull();
    expect(
      actionOriginRefusal('POST', '/staff', {
        ...action,
        host: 'app:3000',
        'x-forwarded-host': 'portal.example.com, other',
        origin: 'https://portal.example.com',
      }),
    ).toBeNull();
    expect(actionOriginRefusal('POST', '/staff', action)).toBeNull();
    expect(actionOriginRefusal('GET', '/staff', { ...action, origin: 'https://evil.example' })).toBeNull();
    expect(actionOriginRefusal('POST', '/api/links', { 'content-type': 'multipart/form-data', host: 'h', origin: 'https://evil.example' })).toBeNull();
    expect(
      actionOriginRefusal('POST', '/pay/open', { 'content-type': 'application/x-www-form-urlencoded', host: 'h', origin: 'https://evil.example' }),
    ).toBeNull();
  });
});
