import { describe, expect, it } from 'vitest';
import { fromAppFolder, routeLabel } from './http';

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

describe('fromAppFolder (next dev, whose routes-manifest.json is empty)', () => {
  it("reads the app folder's pages and routes as Next does: groups left out, [x] one segment, fixed routes first", () => {
    const known = fromAppFolder([
      'page.tsx',
      'pay/[token]/route.ts',
      'pay/open/route.ts',
      'pay/page.tsx',
      'pay/add-card.tsx',
      '(sandbox)/demo/open/route.ts',
      'staff/(console)/accounts/[code]/cards/[uuid]/page.tsx',
    ]);
    expect(routeLabel('/', known)).toBe('/');
    expect(routeLabel('/pay/open', known)).toBe('/pay/open');
    expect(routeLabel('/pay/abc.def', known)).toBe('/pay/[token]');
    expect(routeLabel('/demo/open', known)).toBe('/demo/open');
    expect(routeLabel('/staff/accounts/C1/cards/u-1', known)).toBe('/staff/accounts/[code]/cards/[uuid]');
    expect(routeLabel('/pay/add-card', known)).toBe('/pay/[token]');
    expect(routeLabel('/staff/accounts/C1', known)).toBe('other');
  });
});
