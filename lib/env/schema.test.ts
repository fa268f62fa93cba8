import { describe, expect, it } from 'vitest';
import { resolveEnv } from './schema';
import { sandboxSecrets } from './sandbox-defaults';

describe('configuration', () => {
  it('with no keys, every provider is in sandbox mode on the sandbox ports', () => {
    const env = resolveEnv({});
    expect(env.sandbox).toEqual({ fenerum: true, stripe: true, quickpay: true, farpay: true });
    expect(env.fenerum.apiUrl).toBe('http://localhost:4100/api/v1');
    expect(env.linkSecret).toBe(sandboxSecrets.LINK_SECRET);
  });

  it('names the variable that is wrong', () => {
    expect(() => resolveEnv({ APP_URL: 'not a url' })).toThrow(/APP_URL/);
    expect(() => resolveEnv({ FENERUM_RATE_LIMIT_PER_MINUTE: 'many' })).toThrow(/FENERUM_RATE_LIMIT_PER_MINUTE/);
    expect(() => resolveEnv({ STRIPE_SECRET_KEY: 'pk_test_x' })).toThrow(/STRIPE_SECRET_KEY/);
  });

  it('refuses live keys with the sandbox link secret or API key', () => {
    expect(() => resolveEnv({ FENERUM_API_TOKEN: 'real' })).toThrow(/LINK_SECRET/);
    expect(() => resolveEnv({ FENERUM_API_TOKEN: 'real', LINK_SECRET: sandboxSecrets.LINK_SECRET })).toThrow(/LINK_SECRET/);
    const env = resolveEnv({ FENERUM_API_TOKEN: 'real', LINK_SECRET: 'l'.repeat(40), PORTAL_API_KEY: 'k'.repeat(20) });
    expect(env.sandbox.fenerum).toBe(false);
    expect(env.fenerum.apiUrl).toBe('https://app.fenerum.com/api/v1');
  });

  it('parses booleans explicitly: "false" is false', () => {
    expect(resolveEnv({ SEPA_ENABLED: 'false' }).stripe.sepaEnabled).toBe(false);
    expect(resolveEnv({ SEPA_ENABLED: 'true' }).stripe.sepaEnabled).toBe(true);
  });
});
