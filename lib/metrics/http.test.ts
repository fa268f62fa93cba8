import { describe, expect, it } from 'vitest';
import { routeLabel } from './http';

/** As Next's routes-manifest.json lists them. */
const known = [
  { page: '/pay', regex: /^\/pay(?:\/)?$/ },
  { page: '/pay/[token]', regex: /^\/pay\/([^/]+?)(?:\/)?$/ },
  { page: '/api/links/[id]', regex: /^\/api\/links\/([^/]+?)(?:\/)?$/ },
];

describe('routeLabel', () => {
  it("counts a request under its route's pattern, never its address (a token, an id)", () => {
    expect(routeLabel('/pay/eyJsaWQi.c2ln?x=1', known)).toBe('/pay/[token]');
    expect(routeLabel('/api/links/lnk_123', known)).toBe('/api/links/[id]');
    expect(routeLabel('/pay', known)).toBe('/pay');
  });

  it('puts static files under one label and an address no route matches under "other"', () => {
    expect(routeLabel('/_next/static/chunks/abc.js', known)).toBe('/_next/*');
    expect(routeLabel('/wp-login.php', known)).toBe('other');
    expect(routeLabel(undefined, [])).toBe('other');
  });
});
