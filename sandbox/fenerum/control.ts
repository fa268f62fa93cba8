import { z } from 'zod';
import { parseBody, sendJson } from '../http';
import { type Router } from '../router';
import { addAccount } from './new-account';
import { addRecipient, recipientInput } from './recipients';
import { accountJson, byCreated, cardRecordJson, recipientJson } from './serialize';
import type { FenerumState } from './state';

/**
 * The sandbox's own endpoints under /__sandbox/: no authentication, not counted against the
 * rate limit or in the stats. Tests use them to set conditions and to look behind the API.
 */
const settingsInput = z.strictObject({
  rateLimit: z
    .strictObject({
      enabled: z.boolean().optional(),
      perMinute: z.number().int().positive().optional(),
    })
    .optional(),
  failNext: z
    .strictObject({
      status: z.number().int().min(400).max(599),
      count: z.number().int().nonnegative(),
      retryAfter: z.number().int().nonnegative().optional(),
      account: z.string().min(1).max(100).optional(),
      /** Only calls with this method, and (`path`) whose path starts so: a test's failure never lands on the app's background calls. */
      method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).optional(),
      path: z.string().startsWith('/').max(200).optional(),
    })
    .nullable()
    .optional(),
  /** `code` (default): ?account= filters by account code; `ignore`: every account's cards. */
  cardListAccountFilter: z.enum(['code', 'ignore']).optional(),
  /** Card objects carry `token` (off by default: no documented response has it). */
  cardTokens: z.boolean().optional(),
  /** `refuse`: QuickPay cards get Fenerum's per-field 400 on `gateway` (see Settings.quickpayCards). */
  quickpayCards: z.enum(['accept', 'refuse']).optional(),
  /** How ?account= filters the recipients list: `code` (default), `uuid`, or `ignore` (every account's). */
  recipientListAccountFilter: z.enum(['code', 'uuid', 'ignore']).optional(),
  /** Accounts carry the undocumented `billing_email` (off by default). */
  accountBillingEmail: z.boolean().optional(),
  /** Accounts carry the unconfirmed `currency` (off by default: SEPA is then never offered). */
  accountCurrency: z.boolean().optional(),
  /** `extended`: payment webhooks carry fields no document shows (see Settings.paymentWebhookFields). */
  paymentWebhookFields: z.enum(['documented', 'extended']).optional(),
  /** Card objects carry the undocumented `is_default` (see Settings.cardDefaultField; off by default). */
  cardDefaultField: z.boolean().optional(),
});

const accountInput = z.strictObject({
  name: z.string().min(1).optional(),
  email: z.email().optional(),
  language: z.string().min(2).max(8).optional(),
  /** The account's currency (ISO 4217; default DKK), shown under the `accountCurrency` setting. */
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  /** Its legal_country (ISO 3166 alpha-2; default DK). */
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  recipients: z.array(recipientInput).max(500).optional(),
});
const newRecipientInput = recipientInput.extend({ account: z.string().min(1).max(100) });

export type ControlDeps = { state: FenerumState; reset: () => void; now?: () => Date };

export function registerControlRoutes(router: Router, { state, reset, now = () => new Date() }: ControlDeps): void {
  router.get('/__sandbox/settings', (ctx) => sendJson(ctx.res, 200, state.settings));

  router.post('/__sandbox/settings', (ctx) => {
    const parsed = settingsInput.safeParse(parseBody(ctx));
    if (!parsed.success) {
      return sendJson(ctx.res, 400, { detail: 'Invalid settings.', issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
    }
    const {
      rateLimit,
      failNext,
      cardListAccountFilter,
      cardTokens,
      quickpayCards,
      recipientListAccountFilter,
      accountBillingEmail,
      accountCurrency,
      paymentWebhookFields,
      cardDefaultField,
    } = parsed.data;
    if (recipientListAccountFilter !== undefined) state.settings.recipientListAccountFilter = recipientListAccountFilter;
    if (accountBillingEmail !== undefined) state.settings.accountBillingEmail = accountBillingEmail;
    if (accountCurrency !== undefined) state.settings.accountCurrency = accountCurrency;
    if (paymentWebhookFields !== undefined) state.settings.paymentWebhookFields = paymentWebhookFields;
    if (quickpayCards !== undefined) state.settings.quickpayCards = quickpayCards;
    if (cardListAccountFilter !== undefined) state.settings.cardListAccountFilter = cardListAccountFilter;
    if (cardTokens !== undefined) state.settings.cardTokens = cardTokens;
    if (cardDefaultField !== undefined) state.settings.cardDefaultField = cardDefaultField;
    if (rateLimit?.enabled !== undefined) state.settings.rateLimit.enabled = rateLimit.enabled;
    if (rateLimit?.perMinute !== undefined) state.settings.rateLimit.perMinute = rateLimit.perMinute;
    if (failNext !== undefined) state.settings.failNext = failNext && failNext.count > 0 ? { ...failNext } : null;
    sendJson(ctx.res, 200, state.settings);
  });

  router.post('/__sandbox/reset', (ctx) => {
    reset();
    sendJson(ctx.res, 200, { ok: true });
  });

  router.get('/__sandbox/paymentcards', (ctx) => {
    const key = ctx.url.searchParams.get('account') ?? '';
    if (!key) return sendJson(ctx.res, 400, { detail: 'Pass ?account=<code or uuid>.' });
    const account = state.accounts.find((a) => a.code === key || a.uuid === key.toLowerCase());
    if (!account) return sendJson(ctx.res, 404, { detail: `No account ${key}.` });
    const cards = state.cards.filter((c) => c.account === account.uuid).sort(byCreated);
    sendJson(ctx.res, 200, { account: account.code, count: cards.length, results: cards.map(cardRecordJson) });
  });

  // A fresh account with no cards, answered as Fenerum's API shows it (201), with its recipients beside it.
  router.post('/__sandbox/accounts', (ctx) => {
    const parsed = accountInput.safeParse(parseBody(ctx) ?? null);
    if (!parsed.success) {
      return sendJson(ctx.res, 400, {
        detail: 'Send {name?, email?, language?, currency?, country?, recipients?}.',
        issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
      });
    }
    const { account, recipients } = addAccount(state, parsed.data, now());
    sendJson(ctx.res, 201, { ...accountJson(account, state.settings), recipients: recipients.map(recipientJson) });
  });

  // One more recipient for an account (by code or uuid), as Fenerum's API would show it (201).
  router.post('/__sandbox/recipients', (ctx) => {
    const parsed = newRecipientInput.safeParse(parseBody(ctx) ?? null);
    if (!parsed.success) {
      return sendJson(ctx.res, 400, {
        detail: 'Send {account, email, name?, receive_invoice?, receive_payment_confirmation?, receive_subscription_notifications?}.',
        issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
      });
    }
    const { account: key, ...input } = parsed.data;
    const account = state.accounts.find((a) => a.code === key || a.uuid === key.toLowerCase());
    if (!account) return sendJson(ctx.res, 404, { detail: `No account ${key}.` });
    sendJson(ctx.res, 201, recipientJson(addRecipient(state, account, input, now())));
  });

  router.get('/__sandbox/stats', (ctx) => sendJson(ctx.res, 200, state.stats));

  router.get('/__sandbox/audit', (ctx) => sendJson(ctx.res, 200, { count: state.audit.length, results: state.audit }));
}
