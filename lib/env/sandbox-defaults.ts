/**
 * The sandbox's fixed test values. They are the documented defaults in `.env.local.example`
 * and are used whenever a provider's keys are absent (sandbox mode). None of them is a real
 * secret, but the server-side ones must still never reach the browser bundle (a test checks).
 */
export const SANDBOX_PORT_BASE = 4100;

export const sandboxPorts = (base = SANDBOX_PORT_BASE) => ({
  fenerum: base,
  stripe: base + 1,
  quickpay: base + 2,
  farpay: base + 3,
  /** The sandbox's SMTP server (a mailbox for every message the app sends). */
  smtp: base + 4,
});

/** Who the sandbox's mail comes from (the From header's name is the merchant's: lib/merchant.ts). */
export const SANDBOX_MAIL_FROM = 'portal@sandbox.invalid';

/** The sandbox's fictional merchant: whose portal the sandbox is (MERCHANT_* unset). */
export const SANDBOX_MERCHANT = {
  name: 'Nordlys Fiber',
  logoUrl: '/sandbox-merchant-logo.svg',
  brandColor: '#0f766e',
  supportEmail: 'kundeservice@nordlys-fiber.example',
  supportPhone: '+45 70 20 30 40',
  termsUrl: 'https://nordlys-fiber.example/vilkaar',
  privacyUrl: 'https://nordlys-fiber.example/privatliv',
} as const;

export const sandboxSecrets = {
  LINK_SECRET: 'sandbox-link-secret-7f3c9a1e5b2d4c6f8a0b1c2d3e4f5a6b',
  PORTAL_API_KEY: 'sandbox-portal-api-key-4d2e8b1a9c7f',
  FENERUM_API_TOKEN: 'sandbox-fenerum-token-9b8a7c6d5e4f',
  FENERUM_WEBHOOK_USERNAME: 'sandbox-fenerum-webhook',
  FENERUM_WEBHOOK_PASSWORD: 'sandbox-fenerum-webhook-pw-3c1d',
  STRIPE_SECRET_KEY: 'sk_test_sandbox_51Sx2kLq8YwZ3vN7',
  STRIPE_WEBHOOK_SECRET: 'whsec_sandbox_6e2f9a4c1b8d7e3f',
  QUICKPAY_API_KEY: 'sandbox-quickpay-api-key-2a7e5c9f',
  QUICKPAY_PRIVATE_KEY: 'sandbox-quickpay-private-key-8d4b1f6a',
  FARPAY_API_KEY: 'sandbox-farpay-api-key-5f9c2e7d',
  METRICS_TOKEN: 'sandbox-metrics-token-6b3e0d9a',
} as const;

/** Public: the browser is meant to have this one. */
export const SANDBOX_STRIPE_PUBLISHABLE_KEY = 'pk_test_sandbox_51Sx2kLq8YwZ3vN7';

export const SANDBOX_FENERUM_CLIENT_SYSTEM = 'CardPortal';

/**
 * The last day of the sandbox FarPay's data set (sandbox/farpay/data.ts spreads it over 2025): in
 * the sandbox the payments list opens on the 30 days up to it, so a newcomer sees payments.
 */
export const SANDBOX_FARPAY_DATA_END = '2025-12-31';
