import { z } from 'zod';
import { SANDBOX_FENERUM_CLIENT_SYSTEM, SANDBOX_STRIPE_PUBLISHABLE_KEY, sandboxPorts, sandboxSecrets } from './sandbox-defaults';

/** Unset and empty both mean "not configured". */
const optional = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const url = z.url({ protocol: /^https?$/ });

/** Env booleans are parsed explicitly: `z.coerce.boolean()` would turn "false" into true. */
const flag = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1');

/** On unless switched off: "off", "false" or "0". */
const onUnlessOff = z
  .enum(['on', 'off', 'true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => !(v === 'off' || v === 'false' || v === '0'));

const positiveInt = (fallback: number) =>
  z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .transform((v) => v ?? fallback);

export const rawEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).optional(),
  APP_URL: optional.pipe(url.optional()),
  DATABASE_URL: optional,
  PGLITE_DIR: optional,
  LINK_SECRET: optional.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
  PORTAL_API_KEY: optional.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
  SANDBOX_PORT: positiveInt(sandboxPorts().fenerum),
  FENERUM_API_URL: optional.pipe(url.optional()),
  FENERUM_API_TOKEN: optional,
  FENERUM_CLIENT_SYSTEM: optional,
  FENERUM_WEBHOOK_USERNAME: optional,
  FENERUM_WEBHOOK_PASSWORD: optional,
  FENERUM_RATE_LIMIT_PER_MINUTE: positiveInt(60),
  STRIPE_SECRET_KEY: optional.pipe(
    z
      .string()
      .regex(/^(sk|rk)_(test|live)_/, 'must start with sk_test_, sk_live_, rk_test_ or rk_live_')
      .optional(),
  ),
  NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: optional.pipe(
    z
      .string()
      .regex(/^pk_(test|live)_/, 'must start with pk_test_ or pk_live_')
      .optional(),
  ),
  STRIPE_WEBHOOK_SECRET: optional,
  STRIPE_API_URL: optional.pipe(url.optional()),
  SEPA_ENABLED: flag,
  QUICKPAY_API_KEY: optional,
  QUICKPAY_PRIVATE_KEY: optional,
  QUICKPAY_API_URL: optional.pipe(url.optional()),
  QUICKPAY_ALLOW_TEST_MODE: flag,
  FARPAY_API_URL: optional.pipe(url.optional()),
  FARPAY_API_KEY: optional,
  REGISTRATION_WORKER: onUnlessOff,
  CARD_SETUPS_PER_HOUR: positiveInt(10),
  // Never shorter than a customer session (12 h): no customer can still finish an expired setup from our pages.
  STARTED_EXPIRE_HOURS: z.coerce
    .number()
    .int()
    .min(12, 'must be at least 12 (a customer session lasts up to 12 hours)')
    .optional()
    .transform((v) => v ?? 24),
  INBOX_RETENTION_DAYS: positiveInt(30),
  LINK_RETENTION_DAYS: positiveInt(30),
});

export type RawEnv = z.input<typeof rawEnvSchema>;

/** Turns the raw variables into the app's configuration: sandbox defaults where keys are absent. */
export function resolveEnv(raw: Record<string, string | undefined>) {
  const parsed = rawEnvSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const ports = sandboxPorts(e.SANDBOX_PORT);
  const local = (port: number, path = '') => `http://localhost:${port}${path}`;

  const sandbox = {
    fenerum: !e.FENERUM_API_TOKEN,
    stripe: !e.STRIPE_SECRET_KEY,
    quickpay: !e.QUICKPAY_API_KEY,
    farpay: !e.FARPAY_API_KEY,
  };
  const anyLive = Object.values(sandbox).some((s) => !s);
  const production = e.NODE_ENV === 'production';

  // Going live with the sandbox's published secrets would let anyone mint customer links.
  if (anyLive) {
    for (const name of ['LINK_SECRET', 'PORTAL_API_KEY'] as const) {
      if (!e[name] || e[name] === sandboxSecrets[name]) {
        throw new Error(`Invalid configuration:\n  ${name}: must be set to your own secret when a provider uses live keys`);
      }
    }
    if (!e.APP_URL && production) {
      throw new Error('Invalid configuration:\n  APP_URL: required when a provider uses live keys');
    }
  }
  if (!sandbox.stripe && !e.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY) {
    throw new Error('Invalid configuration:\n  NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: required with STRIPE_SECRET_KEY');
  }
  if (!sandbox.stripe && !e.STRIPE_WEBHOOK_SECRET) {
    throw new Error('Invalid configuration:\n  STRIPE_WEBHOOK_SECRET: required with STRIPE_SECRET_KEY');
  }
  if (!sandbox.quickpay && !e.QUICKPAY_PRIVATE_KEY) {
    throw new Error('Invalid configuration:\n  QUICKPAY_PRIVATE_KEY: required with QUICKPAY_API_KEY');
  }

  return {
    production,
    sandbox,
    anySandbox: Object.values(sandbox).some(Boolean),
    sandboxPorts: ports,
    appUrl: e.APP_URL ?? 'http://localhost:3000',
    databaseUrl: e.DATABASE_URL,
    pgliteDir: e.PGLITE_DIR ?? '.data/pglite',
    registrationWorker: e.REGISTRATION_WORKER,
    /** New card setups (SetupIntents, QuickPay subscriptions) one account may start per hour. */
    cardSetupsPerHour: e.CARD_SETUPS_PER_HOUR,
    maintenance: {
      expireStartedAfterHours: e.STARTED_EXPIRE_HOURS,
      inboxRetentionDays: e.INBOX_RETENTION_DAYS,
      linkRetentionDays: e.LINK_RETENTION_DAYS,
    },
    linkSecret: e.LINK_SECRET ?? sandboxSecrets.LINK_SECRET,
    portalApiKey: e.PORTAL_API_KEY ?? sandboxSecrets.PORTAL_API_KEY,
    fenerum: {
      apiUrl: e.FENERUM_API_URL ?? (sandbox.fenerum ? local(ports.fenerum, '/api/v1') : 'https://app.fenerum.com/api/v1'),
      token: e.FENERUM_API_TOKEN ?? sandboxSecrets.FENERUM_API_TOKEN,
      clientSystem: e.FENERUM_CLIENT_SYSTEM ?? SANDBOX_FENERUM_CLIENT_SYSTEM,
      webhookUsername: e.FENERUM_WEBHOOK_USERNAME ?? sandboxSecrets.FENERUM_WEBHOOK_USERNAME,
      webhookPassword: e.FENERUM_WEBHOOK_PASSWORD ?? sandboxSecrets.FENERUM_WEBHOOK_PASSWORD,
      ratePerMinute: e.FENERUM_RATE_LIMIT_PER_MINUTE,
    },
    stripe: {
      secretKey: e.STRIPE_SECRET_KEY ?? sandboxSecrets.STRIPE_SECRET_KEY,
      publishableKey: e.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY ?? SANDBOX_STRIPE_PUBLISHABLE_KEY,
      webhookSecret: e.STRIPE_WEBHOOK_SECRET ?? sandboxSecrets.STRIPE_WEBHOOK_SECRET,
      apiUrl: e.STRIPE_API_URL ?? (sandbox.stripe ? local(ports.stripe) : undefined),
      sepaEnabled: e.SEPA_ENABLED,
    },
    quickpay: {
      apiKey: e.QUICKPAY_API_KEY ?? sandboxSecrets.QUICKPAY_API_KEY,
      privateKey: e.QUICKPAY_PRIVATE_KEY ?? sandboxSecrets.QUICKPAY_PRIVATE_KEY,
      apiUrl: e.QUICKPAY_API_URL ?? (sandbox.quickpay ? local(ports.quickpay) : 'https://api.quickpay.net'),
      /** Register cards QuickPay marks test_mode: always in the sandbox, with a live key only when allowed. */
      acceptTestMode: sandbox.quickpay || e.QUICKPAY_ALLOW_TEST_MODE,
    },
    farpay: {
      apiUrl: e.FARPAY_API_URL ?? (sandbox.farpay ? local(ports.farpay, '/v2') : 'https://api.farpay.io/v2'),
      apiKey: e.FARPAY_API_KEY ?? sandboxSecrets.FARPAY_API_KEY,
    },
  };
}

export type Env = ReturnType<typeof resolveEnv>;
