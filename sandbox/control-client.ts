import { SANDBOX_PORT_BASE, sandboxPorts } from '../lib/env/sandbox-defaults';
import type { RecipientRecord } from './fenerum/state';
import type { Totals } from './farpay/store';
import type { CaughtMail } from './mail/mailbox';

/**
 * One typed client for the sandbox's own endpoints (`/__sandbox/...` on each emulator), for
 * tests, bench and scripts: steer the emulators and look behind their APIs. Not a provider API.
 * Settings are loose on purpose: the known keys are typed, any other key an emulator learns
 * passes through unchanged.
 */
export type EmulatorName = 'fenerum' | 'stripe' | 'quickpay' | 'farpay';
/** FarPay's URL may be left out by callers that predate its emulator. */
export type SandboxUrls = Record<Exclude<EmulatorName, 'farpay'>, string> & { farpay?: string };

export type Settings = Record<string, unknown>;
export type FenerumSettings = Settings & {
  rateLimit?: { enabled?: boolean; perMinute?: number };
  failNext?: {
    status: number;
    count: number;
    retryAfter?: number;
    account?: string;
    method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    path?: string;
  } | null;
  /** How `GET /recipients/?account=` filters (unconfirmed): by `code` (default), `uuid`, or `ignore`d. */
  recipientListAccountFilter?: 'code' | 'uuid' | 'ignore';
  /** Accounts carry the undocumented `billing_email` (default off). */
  accountBillingEmail?: boolean;
  /** Accounts carry the unconfirmed `currency` (default off: SEPA is then never offered). */
  accountCurrency?: boolean;
  /** Card objects carry the undocumented `is_default` on the card the emulator charges (default off; unconfirmed). */
  cardDefaultField?: boolean;
};

/** A recipient as Fenerum's API shows it (`account` is the account's uuid). */
export type FenerumRecipient = Omit<RecipientRecord, 'created_date'>;
export type NewFenerumRecipient = { email: string; name?: string } & Partial<
  Pick<FenerumRecipient, 'receive_invoice' | 'receive_payment_confirmation' | 'receive_subscription_notifications'>
>;
/**
 * An account as Fenerum's API shows it (`billing_email` only with the `accountBillingEmail`
 * switch), with the recipients the sandbox made for it beside it.
 */
/** The address of an account's first recipient (the one a plain `createAccount` makes): where its emails go. */
export const recipientEmail = (account: Pick<FenerumAccount, 'recipients'>): string => account.recipients[0]?.email ?? '';

export type FenerumAccount = { uuid: string; code: string; company_name: string; billing_email?: string; recipients: FenerumRecipient[] } & Record<
  string,
  unknown
>;
/** A stored card with who made it; `token` only where the emulator shows one. */
export type FenerumCard = {
  uuid: string;
  account: string;
  active: boolean;
  brand: string;
  card_number: string;
  month: number;
  year: number;
  payment_gateway: string;
  created_date?: string;
  token?: string;
  created_by?: string | null;
  disabled_by?: string | null;
} & Record<string, unknown>;
export type FenerumStats = { total: number; byStatus: Record<string, number>; throttled: number };
export type FenerumAuditEntry = { at: string; method: string; path: string; status: number; user: string | null; clientSystem: string | null; body: unknown };

export type QuickpayAuthorize = { card?: string; expiry?: string; three_d_secure?: 'approve' | 'fail' };
export type QuickpayCallbackAttempt = {
  subscriptionId: number;
  status: number | null;
  attempt: number;
  error?: string;
  at: string;
  url: string;
  /** How long QuickPay waited for the answer (or the failure). */
  durationMs: number;
} & Record<string, unknown>;

export type FenerumWebhook = { event: string; data: Record<string, unknown> };
export type FenerumCharge = { paymentGatewayId: string; status: string; errorCode: string | null; sent: boolean; webhook: FenerumWebhook | null };
export type FenerumWebhookConfig = { url: string | null; username: string; password: string; events: string[]; retrySchedule: 'real' | 'fast' };
export type FenerumWebhookDelivery = { event: string; body: string; status: number | null; ok: boolean; attempt: number; url: string } & Record<
  string,
  unknown
>;
/** A message the sandbox's SMTP server caught: the mailbox's own type. */
export type { CaughtMail };

export type StripeEvent = { id: string; type: string; data: { object: Record<string, unknown> } } & Record<string, unknown>;

export type FarpayWirePayment = {
  InvoiceId: number;
  PaymentDate: string;
  ToBePaidAmount: number;
  PaidAmount: number;
  PaymentType: string;
  PaymentStatus: string;
  PaymentId: number;
  RefundId: number | null;
  PaymentSign: string | number;
  PaymentInfo: string | null;
  ErrorDesription: string | null;
  /** Only under the `currency` switch. */
  Currency?: string;
};
export type FarpayNewPayment = { type: string; status?: string; amountMinor: number; error?: string | null; invoiceId?: number };
export type FarpayFault = { pspError?: string; timeoutMs?: number; count?: number };
/** A period's totals as the FarPay emulator counts them: the store's own type. */
export type FarpayTotals = Totals;

export class SandboxControlError extends Error {
  constructor(
    readonly status: number,
    readonly url: string,
    readonly body: string,
  ) {
    super(`${url}: ${status} ${body}`);
    this.name = 'SandboxControlError';
  }
}

/** Where the emulators are: a port base (as `npm run sandbox` takes), or their URLs. */
export type SandboxAt = number | { portBase: number } | SandboxUrls;

function urlsOf(at: SandboxAt): SandboxUrls {
  if (typeof at === 'object' && 'fenerum' in at) return at;
  const ports = sandboxPorts(typeof at === 'number' ? at : at.portBase);
  return {
    fenerum: `http://localhost:${ports.fenerum}`,
    stripe: `http://localhost:${ports.stripe}`,
    quickpay: `http://localhost:${ports.quickpay}`,
    farpay: `http://localhost:${ports.farpay}`,
  };
}

export function sandboxControl(at: SandboxAt = SANDBOX_PORT_BASE) {
  const urls = urlsOf(at);
  const call = async <T>(emulator: EmulatorName, path: string, body?: unknown): Promise<T> => {
    const base = urls[emulator];
    if (!base) throw new SandboxControlError(0, emulator, 'no URL given for this emulator');
    const url = `${base}/__sandbox/${path}`;
    const init: RequestInit = body === undefined ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
    const res = await fetch(url, init);
    if (!res.ok) throw new SandboxControlError(res.status, url, await res.text());
    return (await res.json()) as T;
  };
  const post = <T>(emulator: EmulatorName, path: string, body: unknown = {}) => call<T>(emulator, path, body);

  return {
    urls,
    /** Every emulator back to its start (demo data, default settings, empty logs). */
    reset: async () => void (await Promise.all((['fenerum', 'stripe', 'quickpay', 'farpay'] as const).filter((e) => urls[e]).map((e) => post(e, 'reset')))),
    /** Any emulator's settings, for switches this client has no name for. */
    settings: <S extends Settings = Settings>(emulator: EmulatorName, patch: S) => post<S>(emulator, 'settings', patch),
    getSettings: <S extends Settings = Settings>(emulator: EmulatorName) => call<S>(emulator, 'settings'),

    fenerum: {
      settings: (patch: FenerumSettings) => post<FenerumSettings>('fenerum', 'settings', patch),
      getSettings: () => call<FenerumSettings>('fenerum', 'settings'),
      /**
       * A fresh account with no cards and a code no other call gets. Its recipients: `recipients`
       * (`[]` for none), else one at `email` (default `<code>@example.com`) that takes invoices and payment confirmations.
       */
      createAccount: (
        input: { name?: string; email?: string; language?: string; currency?: string; country?: string; recipients?: NewFenerumRecipient[] } = {},
      ) => post<FenerumAccount>('fenerum', 'accounts', input),
      /**
       * `count` accounts at once (up to 20 000; codes `<prefix>-000001` on), each with one recipient at
       * `<code>@generated.example`: a merchant of size for the search index and the bench.
       */
      generateAccounts: (count: number, prefix?: string) =>
        post<{ prefix: string; count: number; first: string; last: string; total: number }>('fenerum', 'accounts/generate', { count, prefix }),
      /** The account renamed in Fenerum (its last_modified_date moves). */
      renameAccount: (code: string, name: string) =>
        post<{ code: string; company_name: string }>('fenerum', `accounts/${encodeURIComponent(code)}/change`, { name }),
      /** The account deleted in Fenerum, with its cards and recipients. */
      deleteAccount: (code: string) => post<{ deleted: string }>('fenerum', `accounts/${encodeURIComponent(code)}/delete`),
      /** One more recipient for an account (code or uuid); flags default to invoices and payment confirmations. */
      addRecipient: (account: string, input: NewFenerumRecipient) => post<FenerumRecipient>('fenerum', 'recipients', { account, ...input }),
      /** Every card of an account (by code or uuid), oldest first, active or not. */
      cards: async (account: string) => (await call<{ results: FenerumCard[] }>('fenerum', `paymentcards?account=${encodeURIComponent(account)}`)).results,
      stats: () => call<FenerumStats>('fenerum', 'stats'),
      audit: async () => (await call<{ results: FenerumAuditEntry[] }>('fenerum', 'audit')).results,
      /** "Fenerum tried to charge this account and the bank wants authentication" (or, with false, an ordinary charge). */
      charge: (account: string, input: { amount?: number; currency?: string; bankWantsAuthentication?: boolean } = {}) =>
        post<FenerumCharge>('fenerum', `accounts/${encodeURIComponent(account)}/charge`, input),
      /** A card added through Fenerum's own add-card link or Self-Service: on a Stripe customer Fenerum made, not the portal. */
      addCardThroughFenerum: (
        account: string,
        card: { paymentMethod: string } | { number: string; expMonth: number; expYear: number } = { paymentMethod: 'pm_card_visa' },
      ) => post<{ card: FenerumCard; stripeCustomer: string }>('fenerum', `accounts/${encodeURIComponent(account)}/card-through-fenerum`, card),
      /**
       * `count` more active cards on an account at once (last fours `firstLast4` (default 0000), then one up each): a list that must page.
       * `gateway: 'stripe'` makes legacy cards (card_… tokens); `expMonth`/`expYear` fix every card's expiry. Answers how many it now has.
       */
      addCards: (account: string, count: number, firstLast4?: number, more: { gateway?: 'stripe_new' | 'stripe'; expMonth?: number; expYear?: number } = {}) =>
        post<{ account: string; count: number }>('fenerum', `accounts/${encodeURIComponent(account)}/cards`, { count, firstLast4, ...more }),
      /** card_expires_this_month for a card. */
      cardExpiring: (cardUuid: string) => post<{ sent: boolean; webhook: FenerumWebhook }>('fenerum', `paymentcards/${encodeURIComponent(cardUuid)}/expiring`),
      webhooks: () => call<FenerumWebhookConfig & { deliveries: FenerumWebhookDelivery[] }>('fenerum', 'webhooks'),
      setWebhooks: (patch: Partial<FenerumWebhookConfig>) => post<FenerumWebhookConfig>('fenerum', 'webhooks', patch),
      sendWebhook: (event: string, data: Record<string, unknown> = {}) => post<{ sent: boolean }>('fenerum', 'webhooks/send', { event, data }),
      flushWebhooks: () => post<{ ok: true }>('fenerum', 'webhooks/flush'),
    },

    /** The sandbox's mailbox (its SMTP server's catch), controlled beside Fenerum. Filter by recipient: other tests mail too. */
    mail: {
      list: async (to?: string) => (await call<{ results: CaughtMail[] }>('fenerum', `mail${to ? `?to=${encodeURIComponent(to)}` : ''}`)).results,
      get: (id: string) => call<CaughtMail>('fenerum', `mail/${encodeURIComponent(id)}`),
      /** The address of a message's HTML as a page (to look at it in a browser). */
      htmlUrl: (id: string) => `${urls.fenerum}/__sandbox/mail/${encodeURIComponent(id)}/html`,
      clear: (to?: string) => post<{ cleared: number }>('fenerum', 'mail/clear', to ? { to } : {}),
      /** The SMTP server answers 451 (try again later) to the next `count` messages for `to`. */
      refuse: (to: string, count: number) => post<{ to: string; count: number }>('fenerum', 'mail/refuse', { to, count }),
    },

    quickpay: {
      settings: (patch: Settings) => post<Settings>('quickpay', 'settings', patch),
      /** Completes the payment window without a browser, as the customer would with `card`. */
      authorize: (subscriptionId: string | number, input: QuickpayAuthorize = {}) =>
        post<{ subscription: Record<string, unknown>; operation: unknown }>('quickpay', `subscriptions/${subscriptionId}/authorize`, {
          card: '1000020000000006',
          ...input,
        }),
      callbacks: async (subscriptionId?: string | number) =>
        (await call<{ results: QuickpayCallbackAttempt[] }>('quickpay', `callbacks${subscriptionId === undefined ? '' : `?subscription=${subscriptionId}`}`))
          .results,
      resendCallback: (subscriptionId: string | number) => post<{ ok: true }>('quickpay', `callbacks/${subscriptionId}/resend`),
    },

    farpay: {
      /** Switches (sandbox/farpay/settings.ts), `seed` and `size` (the data set), `slowMs`, `badGatewayNext`. */
      settings: (patch: Settings) => post<Settings>('farpay', 'settings', patch),
      /** A payment made now, the test's own. */
      createPayment: (input: FarpayNewPayment) => post<FarpayWirePayment>('farpay', 'payments', { status: 'Paid', ...input }),
      /** The next refund(s) of this payment: a 20040 PSP error, or made and then answered too late. */
      fault: (paymentId: number, fault: FarpayFault) => post<{ ok: true }>('farpay', `payments/${paymentId}/faults`, fault),
      refunds: async (paymentId: number) => (await call<{ results: FarpayWirePayment[] }>('farpay', `payments/${paymentId}/refunds`)).results,
      /** Moves a record made at runtime to another status (a refund New → Ok or Error). */
      setStatus: (paymentId: number, status: string) => post<FarpayWirePayment>('farpay', `payments/${paymentId}/status`, { status }),
      /** How many API requests FarPay received since it started (reset does not clear it: compare before and after). */
      stats: () => call<{ total: number }>('farpay', 'stats'),
      /** FarPay's own figures for a period (inclusive days), øre. */
      totals: (from: string, to: string) => call<FarpayTotals>('farpay', `totals?from=${from}&to=${to}`),
    },

    stripe: {
      settings: (patch: Settings) => post<Settings>('stripe', 'settings', patch),
      events: async (type?: string) => (await call<{ data: StripeEvent[] }>('stripe', `events${type ? `?type=${encodeURIComponent(type)}` : ''}`)).data,
      webhooks: () => call<{ url: string | null; deliveries: Array<Record<string, unknown>> }>('stripe', 'webhooks'),
      /** Where webhooks go; null stops them. */
      setWebhookUrl: (url: string | null) => post<{ url: string | null }>('stripe', 'webhooks', { url }),
      /** Resolves once no webhook delivery is pending. */
      flushWebhooks: () => post<{ ok: true }>('stripe', 'webhooks/flush'),
      /** Answers an intent's pending 3-D Secure challenge; the intent's new status. */
      authenticate: async (intent: string, outcome: 'complete' | 'fail' = 'complete') =>
        (await post<{ status: string }>('stripe', 'authenticate', { intent, outcome })).status,
      /** The card's bank wants its next payment authenticated. */
      demandAuthentication: (paymentMethod: string) =>
        post<{ ok: true }>('stripe', `payment_methods/${encodeURIComponent(paymentMethod)}/demand-authentication`),
    },
  };
}

export type SandboxControl = ReturnType<typeof sandboxControl>;
