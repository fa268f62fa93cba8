import { describe, expect, it } from 'vitest';
import { buildCsp, cspWithNonce, newNonce } from './csp';

const directive = (csp: string, name: string) =>
  csp
    .split('; ')
    .find((d) => d.startsWith(`${name} `))
    ?.split(' ')
    .slice(1) ?? [];

describe('buildCsp', () => {
  it('allows scripts only from self, this response’s nonce and Stripe.js', () => {
    const csp = buildCsp({ nonce: 'abc' });
    expect(directive(csp, 'script-src')).toEqual(["'self'", "'nonce-abc'", 'https://js.stripe.com', 'https://*.js.stripe.com']);
    expect(csp).not.toContain('unsafe-eval');
    expect(directive(csp, 'frame-ancestors')).toEqual(["'none'"]);
    expect(directive(csp, 'frame-src')).toEqual(['https://js.stripe.com', 'https://*.js.stripe.com', 'https://hooks.stripe.com']);
    expect(directive(csp, 'connect-src')).toEqual(["'self'", 'https://api.stripe.com']);
  });

  it('adds the sandbox’s Stripe origin to scripts, frames and connections in sandbox mode', () => {
    const csp = buildCsp({ nonce: 'n', extraStripeOrigins: ['http://localhost:4101'] });
    for (const d of ['script-src', 'frame-src', 'connect-src']) expect(directive(csp, d)).toContain('http://localhost:4101');
  });

  it('built once with a slot, fills in each response’s nonce to the same policy as buildCsp', () => {
    const opts = { extraStripeOrigins: ['http://localhost:4101'], dev: true };
    const policy = cspWithNonce(opts);
    for (const nonce of [newNonce(), newNonce()]) expect(policy(nonce)).toBe(buildCsp({ ...opts, nonce }));
    expect(cspWithNonce({})('abc')).toBe(buildCsp({ nonce: 'abc' }));
  });

  it("allows images from the merchant's logo's origin and nowhere else new", () => {
    expect(directive(buildCsp({ nonce: 'n', imageOrigins: ['https://cdn.havblik.dk'] }), 'img-src')).toContain('https://cdn.havblik.dk');
    expect(directive(buildCsp({ nonce: 'n' }), 'img-src')).toEqual(["'self'", 'data:', 'https://*.stripe.com']);
  });

  it('makes a different nonce each time', () => {
    expect(newNonce()).not.toBe(newNonce());
    expect(newNonce()).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
