import { describe, expect, it } from 'vitest';
import { merchantIdentity } from '@/lib/merchant/identity';
import { SANDBOX_MERCHANT } from './sandbox-defaults';
import { resolveEnv } from './schema';

const live = {
  LINK_SECRET: 'l'.repeat(40),
  PORTAL_API_KEY: 'k'.repeat(20),
  FENERUM_API_TOKEN: 'real-token',
  QUICKPAY_API_KEY: 'qp',
  QUICKPAY_PRIVATE_KEY: 'qpp',
};
const named = { MERCHANT_NAME: 'Havblik A/S', MERCHANT_SUPPORT_EMAIL: 'hjaelp@havblik.dk' };

describe("the merchant's identity (MERCHANT_*)", () => {
  it('sandbox mode: the fictional merchant fills every setting left unset', () => {
    expect(resolveEnv({}).merchant).toEqual({ ...SANDBOX_MERCHANT });
    expect(resolveEnv({ MERCHANT_NAME: 'Havblik A/S' }).merchant).toMatchObject({ name: 'Havblik A/S', supportEmail: SANDBOX_MERCHANT.supportEmail });
  });

  it('live keys: refuses to start without a name or a support email, naming the variable; nothing of the fictional merchant fills in', () => {
    expect(() => resolveEnv(live)).toThrow(/MERCHANT_NAME/);
    expect(() => resolveEnv({ ...live, MERCHANT_NAME: 'Havblik A/S' })).toThrow(/MERCHANT_SUPPORT_EMAIL/);
    expect(resolveEnv({ ...live, ...named }).merchant).toEqual({
      name: 'Havblik A/S',
      logoUrl: null,
      brandColor: null,
      supportEmail: 'hjaelp@havblik.dk',
      supportPhone: null,
      termsUrl: null,
      privacyUrl: null,
    });
  });

  it('takes every setting', () => {
    const env = resolveEnv({
      ...live,
      ...named,
      MERCHANT_LOGO_URL: 'https://cdn.havblik.dk/logo.svg',
      MERCHANT_BRAND_COLOR: '#12a',
      MERCHANT_SUPPORT_PHONE: '+45 33 12 34 56',
      MERCHANT_TERMS_URL: 'https://havblik.dk/vilkaar',
      MERCHANT_PRIVACY_URL: 'https://havblik.dk/privatliv',
    });
    expect(merchantIdentity(env)).toEqual({
      name: 'Havblik A/S',
      logoUrl: 'https://cdn.havblik.dk/logo.svg',
      accent: '#1122aa',
      support: { email: 'hjaelp@havblik.dk', phone: '+45 33 12 34 56' },
      termsUrl: 'https://havblik.dk/vilkaar',
      privacyUrl: 'https://havblik.dk/privatliv',
    });
  });

  it('a logo is an https address or a path on the portal, never another scheme or a protocol-relative address', () => {
    expect(resolveEnv({ MERCHANT_LOGO_URL: '/brand/logo.png' }).merchant.logoUrl).toBe('/brand/logo.png');
    for (const bad of [
      'http://havblik.dk/logo.svg',
      '//evil.example/logo.svg',
      'javascript:alert(1)',
      'data:image/svg+xml,<svg>',
      'logo.svg',
      '/a" onerror="x',
      '/\\evil',
    ]) {
      expect(() => resolveEnv({ MERCHANT_LOGO_URL: bad }), bad).toThrow(/MERCHANT_LOGO_URL/);
    }
  });

  it('refuses a brand colour that is not hex, an email that is not one, a phone with letters, a terms link that is not http(s)', () => {
    expect(() => resolveEnv({ MERCHANT_BRAND_COLOR: 'teal' })).toThrow(/MERCHANT_BRAND_COLOR/);
    expect(() => resolveEnv({ MERCHANT_BRAND_COLOR: '#12345' })).toThrow(/MERCHANT_BRAND_COLOR/);
    expect(() => resolveEnv({ MERCHANT_SUPPORT_EMAIL: 'not an email' })).toThrow(/MERCHANT_SUPPORT_EMAIL/);
    expect(() => resolveEnv({ MERCHANT_SUPPORT_PHONE: 'call us' })).toThrow(/MERCHANT_SUPPORT_PHONE/);
    expect(() => resolveEnv({ MERCHANT_TERMS_URL: 'javascript:alert(1)' })).toThrow(/MERCHANT_TERMS_URL/);
    expect(() => resolveEnv({ MERCHANT_NAME: 'x'.repeat(101) })).toThrow(/MERCHANT_NAME/);
  });

  it('a pale brand colour becomes a darker shade of itself as the accent (text on it stays readable)', () => {
    expect(merchantIdentity(resolveEnv({ MERCHANT_BRAND_COLOR: '#0f766e' })).accent).toBe('#0f766e');
    expect(merchantIdentity(resolveEnv({ MERCHANT_BRAND_COLOR: '#ffd500' })).accent).not.toBe('#ffd500');
  });
});
