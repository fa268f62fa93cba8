export type Gateway = 'stripe_new' | 'stripe' | 'quickpay';
export const GATEWAYS: readonly Gateway[] = ['stripe_new', 'stripe', 'quickpay'];

/** An account as Fenerum stores it (the wire fields we emulate). */
export type AccountRecord = {
  uuid: string;
  code: string;
  company_name: string;
  legal_address: string;
  legal_zipcode: string;
  legal_city: string;
  legal_country: string;
  /**
   * Not in any public Fenerum document (PROVIDERS.md): kept by the sandbox, shown by the API only
   * with the `accountBillingEmail` setting. Customers' addresses are the account's recipients.
   */
  billing_email: string;
  /**
   * Not in any public Fenerum document (PROVIDERS.md shows no account currency): kept by the
   * sandbox, shown by the API only with the `accountCurrency` setting. SEPA needs it (seeds/001).
   */
  currency: string;
  language: string;
  created_date: string;
  /**
   * When the account last changed. Fenerum documents filtering the account list by it
   * (`last_modified_date__gte/__lte`, PROVIDERS.md) but no response showing it: the API filters
   * by it and never shows it.
   */
  last_modified_date: string;
};

/**
 * A recipient of an account's notifications, as Fenerum documents the resource
 * (fenerum.com/docs/api/recipient): an email with its receive_* opt-ins. `account` is the
 * account's uuid, as a payment card's is (which one Fenerum shows is unconfirmed: the app
 * accepts the uuid or the code).
 */
export type RecipientRecord = {
  uuid: string;
  account: string;
  name: string;
  email: string;
  receive_invoice: boolean;
  receive_payment_confirmation: boolean;
  receive_subscription_notifications: boolean;
  created_date: string;
};

/** A payment card as the emulator stores it: the wire fields plus who touched it (X-User). */
export type CardRecord = {
  uuid: string;
  account: string;
  active: boolean;
  brand: string;
  last4: string;
  month: number;
  year: number;
  payment_gateway: Gateway;
  token: string;
  created_date: string;
  /** X-User of the call that created it; null for demo data or when the header was absent. */
  createdBy: string | null;
  /** X-Client-System of the call that created it. */
  createdByClientSystem: string | null;
  disabledBy: string | null;
  disabledAt: string | null;
};

/** Every write (POST) the API accepted or refused, with its X-User, for tests to read. */
type AuditEntry = {
  at: string;
  method: string;
  path: string;
  status: number;
  user: string | null;
  clientSystem: string | null;
  body: unknown;
};

type SelfServiceLink = { email: string; url: string; user: string | null; at: string };

/** The next `count` API calls fail with `status`; with `account`, only calls that name that account (its code or uuid in the path or query), so a test's failures never reach another test's calls. */
type FailNext = { status: number; count: number; retryAfter?: number; account?: string; method?: string; path?: string };

/**
 * What `GET /paymentcards/?account=` does with its value. PROVIDERS.md: both of Fenerum's own
 * examples filter by the account **code** (`?account=CUST001`); whether Fenerum honours the
 * filter at all is what the app must not rely on. `ignore` answers every account's cards, so a
 * test can prove the app never shows or adopts another account's card.
 */
type CardListAccountFilter = 'code' | 'ignore';

/**
 * What `GET /recipients/?account=` does with its value: unconfirmed (PROVIDERS.md). `code`
 * (default, as Fenerum's examples filter other lists), `uuid` (a code is then an invalid choice,
 * 400), or `ignore` (every account's recipients), so a test can prove the app never emails
 * another account's recipient.
 */
type RecipientListAccountFilter = 'code' | 'uuid' | 'ignore';

export type Settings = {
  rateLimit: { enabled: boolean; perMinute: number };
  failNext: FailNext | null;
  cardListAccountFilter: CardListAccountFilter;
  /**
   * PROVIDERS.md: no documented card response carries `token` (nor `created_date`); off by
   * default. On: card objects carry `token`, as an undocumented Fenerum might.
   */
  cardTokens: boolean;
  /**
   * PROVIDERS.md: seeds/000 registers `quickpay` cards, but a Fenerum API page says "Currently
   * Stripe is the only supported gateway for payment cards" (unconfirmed which holds). `accept`
   * (default, the seeds are the spec) or `refuse`: a per-field 400 on `gateway`.
   */
  quickpayCards: 'accept' | 'refuse';
  recipientListAccountFilter: RecipientListAccountFilter;
  /**
   * PROVIDERS.md: no public Fenerum document shows an account `billing_email`; off by default.
   * On: accounts carry it, as an undocumented Fenerum might (the app must not rely on it).
   */
  accountBillingEmail: boolean;
  /**
   * Unconfirmed: no public Fenerum document shows an account `currency` (seeds/001 says only
   * that SEPA is for EUR). Off by default; on: accounts carry `currency`, so the app can offer
   * SEPA Direct Debit to a EUR account in a SEPA country. Off, the app never offers it.
   */
  accountCurrency: boolean;
  /**
   * PROVIDERS.md: the data of a payment webhook documents only `payment_gateway_id` (seeds/001).
   * `documented` (default) sends only that; `extended` adds fields no public document shows
   * (uuid, account, account_code, amount, currency, payment_card, payment_gateway, created_date),
   * so a test can show the app takes nothing from them.
   */
  paymentWebhookFields: 'documented' | 'extended';
  /**
   * PROVIDERS.md: which active card Fenerum charges, and whether its API says so, is
   * unconfirmed; no public document shows such a field, so off by default. On: each card object
   * carries `is_default` (a guessed name), true on the one active card of its account the emulator
   * would charge (its newest active card), so a test can show the portal marks it only then.
   */
  cardDefaultField: boolean;
};

export type Stats = {
  /** API requests answered (control endpoints excluded). */
  total: number;
  /** Answers per HTTP status, e.g. {"200": 12, "429": 1}. */
  byStatus: Record<string, number>;
  /** 429s served (rate limit and failNext alike). */
  throttled: number;
};

export type FenerumState = {
  accounts: AccountRecord[];
  cards: CardRecord[];
  recipients: RecipientRecord[];
  audit: AuditEntry[];
  selfServiceLinks: SelfServiceLink[];
  settings: Settings;
  stats: Stats;
  /** Per token: times (ms) of the requests the rate limit let through, oldest first. */
  throttleHistory: Map<string, number[]>;
};

/** Fenerum's documented limit: 60 requests per minute per API user. */
const DEFAULT_RATE_PER_MINUTE = 60;

export const defaultSettings = (): Settings => ({
  rateLimit: { enabled: true, perMinute: DEFAULT_RATE_PER_MINUTE },
  failNext: null,
  cardListAccountFilter: 'code',
  cardTokens: false,
  quickpayCards: 'accept',
  recipientListAccountFilter: 'code',
  accountBillingEmail: false,
  accountCurrency: false,
  paymentWebhookFields: 'documented',
  cardDefaultField: false,
});

export const emptyStats = (): Stats => ({ total: 0, byStatus: {}, throttled: 0 });
