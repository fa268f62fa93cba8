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
    const env = resolveEnv({ ...own, FENERUM_API_TOKEN: 'real', ...liveQuickpay });
    expect(env.sandbox.fenerum).toBe(false);
    expect(env.fenerum.apiUrl).toBe('https://app.fenerum.com/api/v1');
  });

  it('TRUST_PROXY_HOPS: 0 unless set, a small whole number', () => {
    expect(resolveEnv({}).trustProxyHops).toBe(0);
    expect(resolveEnv({ TRUST_PROXY_HOPS: '2' }).trustProxyHops).toBe(2);
    for (const bad of ['-1', 'one', '1.5', '99']) expect(() => resolveEnv({ TRUST_PROXY_HOPS: bad })).toThrow(/TRUST_PROXY_HOPS/);
  });
});

const own = { LINK_SECRET: 'l'.repeat(40), PORTAL_API_KEY: 'k'.repeat(20), MERCHANT_NAME: 'Havblik A/S', MERCHANT_SUPPORT_EMAIL: 'support@havblik.example' };
const liveFenerum = { FENERUM_API_TOKEN: 'real-token' };
const liveStripe = { STRIPE_SECRET_KEY: 'sk_live_x', NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: 'pk_live_x', STRIPE_WEBHOOK_SECRET: 'whsec_own' };
const liveQuickpay = { QUICKPAY_API_KEY: 'qp-key', QUICKPAY_PRIVATE_KEY: 'qp-private' };

describe('mixes of live and unset providers (README "Going live")', () => {
  it('all unset: every provider on, in sandbox mode', () => {
    const env = resolveEnv({});
    expect([env.stripe.enabled, env.quickpay.enabled, env.anySandbox]).toEqual([true, true, true]);
    expect(env.quickpay.privateKey).toBe(sandboxSecrets.QUICKPAY_PRIVATE_KEY);
  });

  it('Fenerum and Stripe live, QuickPay unset: QuickPay is off and has no (published) private key', () => {
    const env = resolveEnv({ ...own, ...liveFenerum, ...liveStripe });
    expect(env.stripe).toMatchObject({ enabled: true, webhookSecret: 'whsec_own' });
    expect(env.quickpay).toMatchObject({ enabled: false, privateKey: '', apiKey: '' });
    expect(env.sandbox).toEqual({ fenerum: false, stripe: false, quickpay: false, farpay: false });
    expect(env.anySandbox).toBe(false);
  });

  it('Fenerum and QuickPay live, Stripe unset: Stripe is off, its webhook secret is not the sandbox one', () => {
    const env = resolveEnv({ ...own, ...liveFenerum, ...liveQuickpay });
    expect(env.quickpay).toMatchObject({ enabled: true, privateKey: 'qp-private' });
    expect(env.stripe).toMatchObject({ enabled: false, webhookSecret: '', secretKey: '' });
  });

  it('all three live: both card providers on', () => {
    const env = resolveEnv({ ...own, ...liveFenerum, ...liveStripe, ...liveQuickpay });
    expect([env.stripe.enabled, env.quickpay.enabled]).toEqual([true, true]);
  });

  it('a live card provider with Fenerum unset is refused (cards would go to the sandbox)', () => {
    expect(() => resolveEnv({ ...own, ...liveStripe })).toThrow(/FENERUM_API_TOKEN/);
    expect(() => resolveEnv({ ...own, ...liveQuickpay })).toThrow(/FENERUM_API_TOKEN/);
  });

  it('Fenerum live with neither card provider is refused: no way to add a card', () => {
    expect(() => resolveEnv({ ...own, ...liveFenerum })).toThrow(/STRIPE_SECRET_KEY/);
  });

  it('a live provider needs its verifying secret, never the sandbox one', () => {
    expect(() => resolveEnv({ ...own, ...liveFenerum, ...liveStripe, STRIPE_WEBHOOK_SECRET: '' })).toThrow(/STRIPE_WEBHOOK_SECRET/);
    expect(() => resolveEnv({ ...own, ...liveFenerum, ...liveQuickpay, QUICKPAY_PRIVATE_KEY: '' })).toThrow(/QUICKPAY_PRIVATE_KEY/);
  });

  it('parses booleans explicitly: "false" is false', () => {
    expect(resolveEnv({ SEPA_ENABLED: 'false' }).stripe.sepaEnabled).toBe(false);
    expect(resolveEnv({ SEPA_ENABLED: 'true' }).stripe.sepaEnabled).toBe(true);
  });
});
