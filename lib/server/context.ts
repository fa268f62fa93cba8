import 'server-only';
import type Stripe from 'stripe';
import { seedSandboxStaff } from '@/lib/auth/staff/sandbox-staff';
import { createPortalCache, type PortalCache } from '@/lib/cards/portal';
import { quickpayCallbacks } from '@/lib/cards/quickpay/callback';
import type { TestModePolicy } from '@/lib/cards/quickpay/test-mode';
import { stripeWebhooks } from '@/lib/cards/stripe/webhook';
import { createCardUseCases, type CardUseCases } from '@/lib/cards/use-cases';
import { openDatabase, type Database, type Db } from '@/lib/db/connect';
import type { CallbackReceiver } from '@/lib/domain/callbacks';
import { env } from '@/lib/env';
import type { Env } from '@/lib/env/schema';
import { createFarpayClient, type FarpayClient } from '@/lib/farpay/client';
import { createFenerumLimiter, type FenerumLimiter } from '@/lib/fenerum/budget';
import { createFenerumClient } from '@/lib/fenerum/client';
import type { FenerumClient } from '@/lib/fenerum/types';
import { handleWebhookEvent } from '@/lib/fenerum-webhooks/handle';
import { startWebhookRetries } from '@/lib/fenerum-webhooks/retries';
import type { WebhookDeps } from '@/lib/fenerum-webhooks/types';
import { fenerumWebhooks } from '@/lib/fenerum-webhooks/webhook';
import { askForLink, askForSession } from '@/lib/auth/new-link-ask';
import type { CustomerSession } from '@/lib/auth/session-token';
import { createMailer, type Mailer } from '@/lib/mail/mailer';
import { merchantIdentity } from '@/lib/merchant/identity';
import { requestNewLink, type NewLinkRequest, type NewLinkTaken } from '@/lib/mail/requested-link';
import type { Refused } from '@/lib/domain/outcomes';
import { retryCardNotices, sendCardNotice, type CardChange, type CardNoticeRetryReport } from '@/lib/mail/card-notice';
import { startMaintenance } from '@/lib/maintenance/job';
import { processSingleton } from '@/lib/process-singleton';
import { createQuickpayClient, type QuickpayClient } from '@/lib/quickpay/client';
import { createRegistrar, type Registrar } from '@/lib/registrations/registrar';
import { startAccountIndex } from '@/lib/staff/accounts/account-index-worker';
import { createCampaignUseCases, type CampaignUseCases } from '@/lib/staff/campaigns/use-cases';
import { createStaffCache, type StaffCache } from '@/lib/staff/accounts/staff-reads';
import type { StepUpPolicy } from '@/lib/staff/payments/refunds/step-up-rule';
import { createAttentionCache, type AttentionCache } from '@/lib/staff/overview/cache';
import { createStripeClient } from '@/lib/stripe/client';
import { createBackground, type Background } from './background';
import type { ShutdownPlan } from './shutdown';

/** Everything the use cases need, built once per process from the validated configuration. */
export type AppContext = {
  env: Env;
  db: Db;
  database: Database;
  fenerum: FenerumClient;
  /** Fenerum's request budget: this process's own on PGlite, the deployment's (in Postgres) otherwise; `onEvent` counts waits and refusals by lane. */
  fenerumLimiter: FenerumLimiter;
  stripe: Stripe;
  quickpay: QuickpayClient;
  farpay: FarpayClient;
  /** Whether QuickPay test cards are registered (lib/cards/quickpay/test-mode.ts). */
  quickpayTestMode: TestModePolicy;
  portalCache: PortalCache;
  /** The staff console's Fenerum reads (the overview's account list, search by last four), kept a minute. */
  staffCache: StaffCache;
  /** The overview's and the failed-payments list's FarPay and Fenerum reads, cached (lib/staff/overview/cache.ts). */
  attentionCache: AttentionCache;
  registrar: Registrar;
  background: Background;
  /** Customer email: the outbox's sender (lib/mail; queue with queueCustomerEmail(ctx, …)). */
  mailer: Mailer;
  /** Adding a card: the use cases with their dependencies and configuration bound here once. */
  cards: CardUseCases;
  /** A card was added to or removed from an account: its recipients' security notice, after the answer (lib/mail/card-notice.ts). */
  notifyCardChange: (change: CardChange) => void;
  /** Security notices claimed but not queued at the time (Fenerum's budget spent), queued now: the maintenance job calls it. */
  retryCardNotices: () => Promise<CardNoticeRetryReport>;
  /** Refunds above this amount ask for a fresh TOTP code; the key TOTP secrets are sealed under. */
  refundStepUp: StepUpPolicy & { secretKey: string };
  /** The providers' callbacks, their secrets bound here; lib/server/provider-callback.ts runs them. */
  callbacks: ProviderCallbacks;
  /** What a stored Fenerum webhook's handling needs, on the background connection (after the answer, and its retries). */
  webhookWork: WebhookDeps;
  /** "Email me a new link" (lib/mail/requested-link.ts, lib/auth/new-link-ask.ts), the secret bound here. */
  newLinks: NewLinkUseCases;
  /** The legacy-card and expiring-card campaigns (lib/staff/campaigns): sends and reminders recorded here, queued after the answer. */
  campaigns: CampaignUseCases;
};

type NewLinkUseCases = {
  /** The form's signed value for an expired or withdrawn link's page (null: no form: the link is not on record, or email is off). */
  askForLink: (token: string) => Promise<string | null>;
  /** The form's signed value for an ended session's page (null: no form, email is off). */
  askForSession: (session: Pick<CustomerSession, 'accountCode' | 'linkId'>) => string | null;
  /** The form posted: counted, answered at once, matched and mailed after the answer. */
  request: (input: NewLinkRequest) => Promise<NewLinkTaken | Refused>;
};

type ProviderCallbacks = {
  quickpay: CallbackReceiver<string | null>;
  stripe: CallbackReceiver<Stripe.Event>;
  fenerum: CallbackReceiver<true>;
};

/**
 * The composition root, and the only user of processSingleton: Next bundles route handlers,
 * pages and instrumentation separately, so a module-level value would exist once per bundle;
 * the rate limiter, the caches and the database connection must exist once per process.
 */
export function appContext(): Promise<AppContext> {
  const holder = processSingleton('app-context', () => ({ building: undefined as Promise<AppContext> | undefined }));
  holder.building ??= buildContext().catch((err: unknown) => {
    holder.building = undefined; // a database that was down at first use may be up at the next
    throw err;
  });
  return holder.building;
}

async function buildContext(): Promise<AppContext> {
  const config = env();
  const database = await openDatabase({ url: config.databaseUrl, pgliteDir: config.pgliteDir, pgliteTemplate: config.pgliteTemplate });
  const { db, backgroundDb } = database;
  const { apiUrl, token, clientSystem, ratePerMinute } = config.fenerum;
  // FENERUM_RATE_LIMIT_PER_MINUTE is the deployment's: instances on one Postgres share it there (issue 25).
  const fenerumLimiter = await createFenerumLimiter({ ratePerMinute, database, databaseUrl: config.databaseUrl });
  const fenerum = createFenerumClient({ apiUrl, token, clientSystem, ratePerMinute, limiter: fenerumLimiter });
  const portalCache = createPortalCache();
  const background = createBackground();
  const registrar = createRegistrar({
    db,
    // Attempts after a callback's response and the worker never take a request's connection (issue 13).
    backgroundDb,
    fenerum,
    schedule: (name, task) => background.run(name, task),
    // The customer's next page view must show the new card, not a cached list without it; the account hears of it.
    onRegistered: (reg, card) => {
      portalCache.forgetCards(reg.accountUuid);
      notifyCardChange({ accountCode: reg.accountCode, change: 'added', card, by: reg.origin === 'import' ? 'import' : 'customer' });
    },
  });
  const merchant = merchantIdentity(config);
  const mailer = createMailer({
    db: backgroundDb,
    smtpUrl: config.mail.smtpUrl,
    from: config.mail.from,
    merchant,
    schedule: (name, task) => background.run(name, task),
  });
  // The security notice runs on the background connection, after the answer; whom it says to
  // contact is the merchant's support (its email, and phone when configured).
  const support = [merchant.support.email, merchant.support.phone].filter(Boolean).join(', ');
  const noticeDeps = { db: backgroundDb, env: config, fenerum, portalCache, mailer, support };
  function notifyCardChange(change: CardChange): void {
    background.run(`card notice ${change.accountCode}`, () => sendCardNotice(noticeDeps, change));
  }
  const stripe = createStripeClient({ secretKey: config.stripe.secretKey, apiUrl: config.stripe.apiUrl });
  const quickpay = createQuickpayClient({ apiUrl: config.quickpay.apiUrl, apiKey: config.quickpay.apiKey });
  const quickpayTestMode = { acceptTestMode: config.quickpay.acceptTestMode };
  const base = {
    env: config,
    db,
    database,
    fenerum,
    fenerumLimiter,
    stripe,
    quickpay,
    farpay: createFarpayClient(config.farpay),
    quickpayTestMode,
    portalCache,
    staffCache: createStaffCache(),
    attentionCache: createAttentionCache(),
    registrar,
    background,
    mailer,
    notifyCardChange,
    // The maintenance job's: notices claimed but not queued (Fenerum's budget was spent) go out now.
    retryCardNotices: () => retryCardNotices(noticeDeps),
    refundStepUp: { aboveMinor: config.staff.refundStepUpAboveMinor, secretKey: config.linkSecret },
  };
  // A webhook's work runs after the answer or in a retry, so it never takes a request's connection.
  const webhookWork: WebhookDeps = { db: backgroundDb, stripe, fenerum, mail: { ...base, db: backgroundDb } };
  const cards = createCardUseCases({
    db,
    stripe,
    quickpay,
    fenerum,
    portalCache,
    registrar,
    appUrl: config.appUrl,
    sepaEnabled: config.stripe.sepaEnabled,
    setupsPerHour: config.cardSetupsPerHour,
    quickpayTestMode,
  });
  const callbacks: ProviderCallbacks = {
    quickpay: quickpayCallbacks({ db, privateKey: config.quickpay.privateKey, policy: quickpayTestMode }),
    stripe: stripeWebhooks({ db, stripe, fenerum, webhookSecret: config.stripe.webhookSecret }),
    fenerum: fenerumWebhooks({
      db,
      username: config.fenerum.webhookUsername,
      password: config.fenerum.webhookPassword,
      handleLater: (key) => background.run(`fenerum webhook ${key}`, () => handleWebhookEvent(webhookWork, key)),
    }),
  };
  const newLinks: NewLinkUseCases = {
    // No SMTP server here (live keys without SMTP_URL): no form is offered, nothing could be sent.
    askForLink: async (token) => (mailer.enabled ? askForLink(db, token, config.linkSecret, Date.now()) : null),
    askForSession: (session) => (mailer.enabled ? askForSession(session, config.linkSecret, Date.now()) : null),
    request: (input) => requestNewLink({ ...base, later: (name, task) => background.run(name, task) }, input),
  };
  const campaigns = createCampaignUseCases({ ...base, backgroundDb, later: (name, task) => background.run(name, task) });
  return { ...base, cards, callbacks, webhookWork, newLinks, campaigns };
}

/** Starts this process's background work once (instrumentation.ts calls it at start): maintenance (with the card sweep), the mail worker and the registration worker. */
export async function startProcessWork(): Promise<ShutdownPlan> {
  const ctx = await appContext();
  // In every instance: expiring unfinished setups claims its rows (SKIP LOCKED); retention deletes are harmless twice.
  // On PGlite it also does autovacuum's work, which PGlite has no process for.
  const { backgroundDb, kind } = ctx.database;
  const { schedule } = ctx.env;
  const maintenance = processSingleton('maintenance', () =>
    startMaintenance(
      {
        db: backgroundDb,
        stripe: ctx.stripe,
        farpay: ctx.farpay,
        fenerum: ctx.fenerum,
        cardNotices: ctx.retryCardNotices,
        campaignSends: ctx.campaigns.drain,
        embedded: kind === 'pglite',
      },
      ctx.env.maintenance,
      {
        intervalMs: schedule.maintenanceEveryMs,
        // Cards authorized at a provider whose callback or webhook never came (a crash, a deploy): asked about, queued, registered.
        sweep: {
          deps: { stripe: ctx.stripe, quickpay: ctx.quickpay, quickpayTestMode: ctx.quickpayTestMode, onQueued: (id) => ctx.registrar.inBackground(id) },
          ...schedule.sweep,
        },
      },
    ),
  );
  // In every instance: the staff search's account index; a lease in the database lets one instance refresh it at a time.
  processSingleton('account-index', () => startAccountIndex({ db: backgroundDb, fenerum: ctx.fenerum }));
  // Fenerum webhooks whose handling failed (Stripe or Fenerum down) are tried again; handlers are idempotent.
  const webhookRetries = processSingleton('fenerum-webhook-retries', () => startWebhookRetries(ctx.webhookWork));
  // In every instance: messages are claimed with SKIP LOCKED, so two instances never send one twice.
  const mail = processSingleton('mail-worker', () => ctx.mailer.startWorker());
  // Sandbox mode only: one staff user of each role (lib/auth/staff/sandbox-staff.ts); never with a live key.
  if (ctx.env.anySandbox) await seedSandboxStaff(ctx.db, ctx.env.linkSecret);
  if (ctx.env.registrationWorker) processSingleton('registration-worker', () => ctx.registrar.startWorker());
  // What SIGTERM does with it all (lib/server/shutdown.ts): stop claiming, finish, give leases back.
  return {
    graceMs: ctx.env.shutdownGraceMs,
    work: [
      { name: 'registrations', stop: () => ctx.registrar.stopTaking() },
      { name: 'mail', stop: () => mail.stop() },
      { name: 'Fenerum webhook retries', stop: () => webhookRetries.stop() },
      { name: 'maintenance', stop: () => maintenance.stop() },
    ],
    idle: () => ctx.background.idle(),
    release: async () => ({ registrations: await ctx.registrar.releaseHeld(), emails: await mail.release() }),
  };
}
