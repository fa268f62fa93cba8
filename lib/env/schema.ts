import { z } from 'zod';
import {
  SANDBOX_FARPAY_DATA_END,
  SANDBOX_FENERUM_CLIENT_SYSTEM,
  SANDBOX_MAIL_FROM,
  SANDBOX_STRIPE_PUBLISHABLE_KEY,
  sandboxPorts,
  sandboxSecrets,
} from './sandbox-defaults';
import { flag, onUnlessOff, optional, positiveInt, proxyHops, url } from './fields';
import { liveMerchantProblem, merchantFields, resolveMerchant } from './merchant-settings';
import { logLevelField, metricsTokenField } from './observability';

const rawEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).optional(),
  APP_URL: optional.pipe(url.optional()),
  DATABASE_URL: optional,
  PGLITE_DIR: optional,
  PGLITE_TEMPLATE: optional,
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
  /** How long a FarPay call may take (ms): a refund unanswered by then is `unknown` until reconciled. */
  FARPAY_TIMEOUT_MS: positiveInt(15_000),
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
  /** How often the maintenance job runs (seconds); the card sweep runs on its own interval below. */
  MAINTENANCE_INTERVAL_SECONDS: positiveInt(300),
  /** The card sweep: a setup started at least this long ago whose provider never told us is asked about (seconds). */
  CARD_SWEEP_AFTER_SECONDS: positiveInt(120),
  /** ...for this long after it started (minutes): QuickPay's own first retry comes after an hour. */
  CARD_SWEEP_WITHIN_MINUTES: positiveInt(60),
  /** How often the card sweep runs (seconds). */
  CARD_SWEEP_INTERVAL_SECONDS: positiveInt(60),
  /** On SIGTERM: how long work in flight may take before its leases are given back and the process exits (seconds). */
  SHUTDOWN_GRACE_SECONDS: z.coerce
    .number()
    .int('must be a whole number of seconds')
    .min(1, 'must be at least 1')
    .max(600, 'must be at most 600')
    .optional()
    .transform((v) => v ?? 20),
  TRUST_PROXY_HOPS: proxyHops,
  SMTP_URL: optional.pipe(z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// address' }).optional()),
  MAIL_FROM: optional.pipe(z.string().max(320).optional()),
  ...merchantFields,
  LOG_LEVEL: logLevelField,
  METRICS_TOKEN: metricsTokenField,
  // Staff sign-in (the staff console): which roles need a second factor, and how long a session lives.
  STAFF_SECOND_FACTOR_ROLES: optional.pipe(
    z
      .string()
      .regex(
        /^(viewer|support|operator|admin|none)(\s*,\s*(viewer|support|operator|admin))*$/,
        'a comma-separated list of viewer, support, operator, admin (or none)',
      )
      .optional(),
  ),
  /**
   * Refunds above this amount, in minor units (øre, cents), ask for a fresh TOTP code (a step-up);
   * 0: every refund does. Default 100000 (1,000.00).
   */
  REFUND_STEP_UP_ABOVE_MINOR: z.coerce
    .number()
    .int('must be a whole number of minor units (øre, cents)')
    .min(0, 'must be 0 or more')
    .max(999_999_999, 'must be at most 999999999')
    .optional()
    .transform((v) => v ?? 100_000),
  STAFF_SESSION_IDLE_MINUTES: positiveInt(30),
  STAFF_SESSION_MAX_HOURS: positiveInt(12),
  /**
   * Tests only: "<idle>,<absolute>" staff-session lengths in seconds, so expiry can be watched end
   * to end (e2e/staff-session-expiry.spec.ts). Sandbox mode only: with any live key it is refused.
   */
  SANDBOX_STAFF_SESSION_SECONDS: optional.pipe(
    z
      .string()
      .regex(/^\d{1,5},\d{1,6}$/, 'two whole numbers of seconds, "<idle>,<absolute>"')
      .optional(),
  ),
});

/**
 * Every role that can send a link or move money (support sends links that start a session on a
 * customer's account; operator refunds; admin manages staff) passes a TOTP code by default.
 */
const DEFAULT_SECOND_FACTOR_ROLES = 'support,operator,admin';
const SENDING_ROLES = ['support', 'operator', 'admin'] as const;

/** The warning printed at start when the configuration lets a role that can send or refund sign in without a second factor; null when none does. */
export function secondFactorWarning(secondFactorRoles: readonly string[]): string | null {
  const without = SENDING_ROLES.filter((r) => !secondFactorRoles.includes(r));
  if (without.length === 0) return null;
  return `Warning: STAFF_SECOND_FACTOR_ROLES lets ${without.join(', ')} sign in without a second factor, though they can send customer links or refund (every refund they make asks for a TOTP code).`;
}

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

  // Sandbox mode only while no provider has a live key. Once any has one, a provider left unset
  // is off: never running on the sandbox's published secrets next to live ones.
  const anyLive = !!(e.FENERUM_API_TOKEN || e.STRIPE_SECRET_KEY || e.QUICKPAY_API_KEY || e.FARPAY_API_KEY);
  const enabled = {
    stripe: !anyLive || !!e.STRIPE_SECRET_KEY,
    quickpay: !anyLive || !!e.QUICKPAY_API_KEY,
  };
  const sandbox = { fenerum: !anyLive, stripe: !anyLive, quickpay: !anyLive, farpay: !anyLive };
  const production = e.NODE_ENV === 'production';
  const invalid = (name: string, why: string) => new Error(`Invalid configuration:\n  ${name}: ${why}`);

  if (anyLive) {
    // Going live with the sandbox's published secrets would let anyone mint customer links.
    for (const name of ['LINK_SECRET', 'PORTAL_API_KEY'] as const) {
      if (!e[name] || e[name] === sandboxSecrets[name]) throw invalid(name, 'must be set to your own secret when a provider uses live keys');
    }
    if (!e.APP_URL && production) throw invalid('APP_URL', 'required when a provider uses live keys');
    if (!e.FENERUM_API_TOKEN) throw invalid('FENERUM_API_TOKEN', 'required when a provider uses live keys (cards would go to the sandbox)');
    if (e.METRICS_TOKEN === sandboxSecrets.METRICS_TOKEN)
      throw invalid('METRICS_TOKEN', 'must be your own secret when a provider uses live keys (the sandbox one is published)');
    if (e.FENERUM_WEBHOOK_PASSWORD === sandboxSecrets.FENERUM_WEBHOOK_PASSWORD) {
      throw invalid('FENERUM_WEBHOOK_PASSWORD', 'must be your own secret when a provider uses live keys (the sandbox one is published)');
    }
    const merchant = liveMerchantProblem(e);
    if (merchant) throw invalid(merchant.name, merchant.why);
    if (!enabled.stripe && !enabled.quickpay) {
      throw invalid('STRIPE_SECRET_KEY', 'set it or QUICKPAY_API_KEY when going live: with neither, customers cannot add a card');
    }
  }
  if (anyLive && e.SANDBOX_STAFF_SESSION_SECONDS) throw invalid('SANDBOX_STAFF_SESSION_SECONDS', 'a test setting, refused when a provider uses live keys');
  const [idleSeconds, maxSeconds] = (e.SANDBOX_STAFF_SESSION_SECONDS ?? '').split(',').map(Number);
  if (e.STRIPE_SECRET_KEY && !e.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY) throw invalid('NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY', 'required with STRIPE_SECRET_KEY');
  if (e.STRIPE_SECRET_KEY && !e.STRIPE_WEBHOOK_SECRET) throw invalid('STRIPE_WEBHOOK_SECRET', 'required with STRIPE_SECRET_KEY');
  if (e.SMTP_URL && anyLive && !e.MAIL_FROM) throw invalid('MAIL_FROM', 'required with SMTP_URL when a provider uses live keys');
  if (e.QUICKPAY_API_KEY && !e.QUICKPAY_PRIVATE_KEY) throw invalid('QUICKPAY_PRIVATE_KEY', 'required with QUICKPAY_API_KEY');
  if (e.CARD_SWEEP_AFTER_SECONDS >= e.CARD_SWEEP_WITHIN_MINUTES * 60) {
    throw invalid('CARD_SWEEP_AFTER_SECONDS', 'must be shorter than CARD_SWEEP_WITHIN_MINUTES (the sweep would ask about no setup)');
  }
  // A provider that is off has no secrets at all: nothing signed with a published one verifies.
  const secret = (on: boolean, value: string | undefined, sandboxValue: string) => (on ? (value ?? sandboxValue) : '');

  return {
    production,
    sandbox,
    anySandbox: !anyLive,
    /** Clients' addresses: how many trusted proxies append to X-Forwarded-For (lib/server/client-ip.ts). */
    trustProxyHops: e.TRUST_PROXY_HOPS,
    sandboxPorts: ports,
    appUrl: e.APP_URL ?? 'http://localhost:3000',
    databaseUrl: e.DATABASE_URL,
    pgliteDir: e.PGLITE_DIR ?? '.data/pglite',
    /** A dump of an already migrated PGlite to start an in-memory one from (skips initdb: the test suites). */
    pgliteTemplate: e.PGLITE_TEMPLATE,
    registrationWorker: e.REGISTRATION_WORKER,
    /** New card setups (SetupIntents, QuickPay subscriptions) one account may start per hour. */
    cardSetupsPerHour: e.CARD_SETUPS_PER_HOUR,
    maintenance: {
      expireStartedAfterHours: e.STARTED_EXPIRE_HOURS,
      inboxRetentionDays: e.INBOX_RETENTION_DAYS,
      linkRetentionDays: e.LINK_RETENTION_DAYS,
    },
    /** How often maintenance and the card sweep run, and which setups the sweep asks about (lib/maintenance). */
    schedule: {
      maintenanceEveryMs: e.MAINTENANCE_INTERVAL_SECONDS * 1000,
      sweep: { everyMs: e.CARD_SWEEP_INTERVAL_SECONDS * 1000, afterMs: e.CARD_SWEEP_AFTER_SECONDS * 1000, withinMs: e.CARD_SWEEP_WITHIN_MINUTES * 60_000 },
    },
    /** SIGTERM: how long work in flight may take before its leases are released and the process exits (lib/server/shutdown.ts). */
    shutdownGraceMs: e.SHUTDOWN_GRACE_SECONDS * 1000,
    staff: {
      /** Roles that must pass a TOTP code (or a recovery code) after the password. */
      secondFactorRoles: (e.STAFF_SECOND_FACTOR_ROLES ?? DEFAULT_SECOND_FACTOR_ROLES)
        .split(',')
        .map((r) => r.trim())
        .filter((r) => r !== 'none'),
      sessionIdleMinutes: idleSeconds ? idleSeconds / 60 : e.STAFF_SESSION_IDLE_MINUTES,
      sessionMaxHours: maxSeconds ? maxSeconds / 3600 : e.STAFF_SESSION_MAX_HOURS,
      /** Refunds above this (minor units) ask for a fresh TOTP code, as does every refund from a session without the second factor. */
      refundStepUpAboveMinor: e.REFUND_STEP_UP_ABOVE_MINOR,
    },
    /** The least severe level the logs carry (lib/log). */
    logLevel: e.LOG_LEVEL,
    /** The bearer token of GET /api/metrics; null (live without METRICS_TOKEN): the route answers 404. */
    metricsToken: e.METRICS_TOKEN ?? (anyLive ? null : sandboxSecrets.METRICS_TOKEN),
    linkSecret: e.LINK_SECRET ?? sandboxSecrets.LINK_SECRET,
    portalApiKey: e.PORTAL_API_KEY ?? sandboxSecrets.PORTAL_API_KEY,
    fenerum: {
      apiUrl: e.FENERUM_API_URL ?? (sandbox.fenerum ? local(ports.fenerum, '/api/v1') : 'https://app.fenerum.com/api/v1'),
      token: e.FENERUM_API_TOKEN ?? sandboxSecrets.FENERUM_API_TOKEN,
      clientSystem: e.FENERUM_CLIENT_SYSTEM ?? SANDBOX_FENERUM_CLIENT_SYSTEM,
      // Live without your own webhook credentials: none at all, so every delivery is refused (401), never the sandbox's published ones.
      webhookUsername: e.FENERUM_WEBHOOK_USERNAME ?? (anyLive ? '' : sandboxSecrets.FENERUM_WEBHOOK_USERNAME),
      webhookPassword: e.FENERUM_WEBHOOK_PASSWORD ?? (anyLive ? '' : sandboxSecrets.FENERUM_WEBHOOK_PASSWORD),
      ratePerMinute: e.FENERUM_RATE_LIMIT_PER_MINUTE,
    },
    stripe: {
      /** Off: no "Add card", its routes and webhook refuse (404). */
      enabled: enabled.stripe,
      secretKey: secret(enabled.stripe, e.STRIPE_SECRET_KEY, sandboxSecrets.STRIPE_SECRET_KEY),
      publishableKey: secret(enabled.stripe, e.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY, SANDBOX_STRIPE_PUBLISHABLE_KEY),
      webhookSecret: secret(enabled.stripe, e.STRIPE_WEBHOOK_SECRET, sandboxSecrets.STRIPE_WEBHOOK_SECRET),
      apiUrl: e.STRIPE_API_URL ?? (sandbox.stripe ? local(ports.stripe) : undefined),
      sepaEnabled: e.SEPA_ENABLED,
    },
    quickpay: {
      /** Off: no "Add card with QuickPay", its routes and callback refuse (404). */
      enabled: enabled.quickpay,
      apiKey: secret(enabled.quickpay, e.QUICKPAY_API_KEY, sandboxSecrets.QUICKPAY_API_KEY),
      privateKey: secret(enabled.quickpay, e.QUICKPAY_PRIVATE_KEY, sandboxSecrets.QUICKPAY_PRIVATE_KEY),
      apiUrl: e.QUICKPAY_API_URL ?? (sandbox.quickpay ? local(ports.quickpay) : 'https://api.quickpay.net'),
      /** Register cards QuickPay marks test_mode: always in the sandbox, with a live key only when allowed. */
      acceptTestMode: sandbox.quickpay || e.QUICKPAY_ALLOW_TEST_MODE,
    },
    /** Customer email over SMTP; `smtpUrl` null: no mail is queued (live keys without SMTP_URL). */
    mail: {
      smtpUrl: e.SMTP_URL ?? (anyLive ? null : `smtp://127.0.0.1:${ports.smtp}`),
      from: e.MAIL_FROM ?? SANDBOX_MAIL_FROM,
    },
    /** Whose portal it is (lib/merchant-settings.ts). */
    merchant: resolveMerchant(e, anyLive),
    farpay: {
      apiUrl: e.FARPAY_API_URL ?? (sandbox.farpay ? local(ports.farpay, '/v2') : 'https://api.farpay.io/v2'),
      apiKey: secret(!anyLive || !!e.FARPAY_API_KEY, e.FARPAY_API_KEY, sandboxSecrets.FARPAY_API_KEY),
      timeoutMs: e.FARPAY_TIMEOUT_MS,
      /** The day the payments list's default period ends: today (null), or in the sandbox the end of its data set. */
      defaultPeriodEnd: sandbox.farpay ? SANDBOX_FARPAY_DATA_END : null,
    },
  };
}

export type Env = ReturnType<typeof resolveEnv>;
