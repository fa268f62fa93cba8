import { describe, expect, it } from 'vitest';
import { basicAuthMatches } from './basic-auth';

const basic = (s: string) => `Basic ${Buffer.from(s).toString('base64')}`;

describe('basicAuthMatches', () => {
  it('accepts the right username and password', () => {
    expect(basicAuthMatches(basic('fenerum:s3cret:with:colons'), 'fenerum', 's3cret:with:colons')).toBe(true);
  });
  it.each([
    ['no header', null],
    ['an empty header', ''],
    ['a bearer token', 'Bearer abc'],
    ['the wrong password', basic('fenerum:nope')],
    ['the wrong username', basic('other:s3cret')],
    ['no colon', basic('fenerums3cret')],
    ['not base64', 'Basic ***'],
    ['a password one character longer', basic('fenerum:s3cretx')],
  ])('refuses %s', (_, header) => {
    expect(basicAuthMatches(header, 'fenerum', 's3cret')).toBe(false);
  });
  it('refuses everything when no credentials are configured', () => {
    expect(basicAuthMatches(basic(':'), '', '')).toBe(false);
  });
});
