import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { GatewayCharge } from '../gateways';
import { parseBody, sendJson } from '../http';
import type { Ctx, Router } from '../router';
import { byCreated, cardJson } from './serialize';
import type { AccountRecord, FenerumState } from './state';
import type { FenerumWebhooks } from './webhooks';

/**
 * The sandbox's control of Fenerum's webhooks (no auth; not Fenerum's API):
 * - GET  /__sandbox/webhooks                     the endpoint, its events, every delivery attempt
 * - POST /__sandbox/webhooks {url?, username?, password?, events?, retrySchedule?}
 * - POST /__sandbox/webhooks/send {event, data}  send one as Fenerum would
 * - POST /__sandbox/webhooks/flush               wait until nothing is pending
 * - POST /__sandbox/accounts/:code/charge {amount?, currency?, bankWantsAuthentication?}
 *     Fenerum charges the account's newest active Stripe card off-session; when the bank wants
 *     authentication (default) it fails as Stripe fails it, and payment.authentication_required is sent
 *     with `{payment_gateway_id}` only (settings.paymentWebhookFields: `extended` adds undocumented fields).
 * - POST /__sandbox/paymentcards/:uuid/expiring  card_expires_this_month for that card
 */
const configInput = z.strictObject({
  url: z.url().nullable().optional(),
  username: z.string().optional(),
  password: z.string().optional(),
  events: z.array(z.string()).optional(),
  retrySchedule: z.enum(['real', 'fast']).optional(),
});
const sendInput = z.strictObject({ event: z.string().min(1), data: z.record(z.string(), z.unknown()).default({}) });
const chargeInput = z.strictObject({
  amount: z.number().int().positive().default(49_900),
  currency: z
    .string()
    .regex(/^[a-zA-Z]{3}$/)
    .default('dkk'),
  bankWantsAuthentication: z.boolean().default(true),
});

export type WebhookControlDeps = { state: FenerumState; webhooks: FenerumWebhooks; chargeCard?: GatewayCharge; now: () => Date };

function bad(ctx: Ctx, detail: string, error: z.ZodError) {
  sendJson(ctx.res, 400, { detail, issues: error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
}

const findAccount = (state: FenerumState, key: string): AccountRecord | undefined => state.accounts.find((a) => a.code === key || a.uuid === key.toLowerCase());

export function registerWebhookControl(router: Router, deps: WebhookControlDeps): void {
  const { state, webhooks, now } = deps;
  router.get('/__sandbox/webhooks', (ctx) => sendJson(ctx.res, 200, { ...webhooks.config, retrySchedule: webhooks.speed, deliveries: webhooks.deliveries }));
  router.post('/__sandbox/webhooks', (ctx) => {
    const parsed = configInput.safeParse(parseBody(ctx) ?? {});
    if (!parsed.success) return bad(ctx, 'Send {url?, username?, password?, events?, retrySchedule?}.', parsed.error);
    const { retrySchedule, ...config } = parsed.data;
    Object.assign(webhooks.config, Object.fromEntries(Object.entries(config).filter(([, v]) => v !== undefined)));
    if (retrySchedule) webhooks.speed = retrySchedule;
    sendJson(ctx.res, 200, { ...webhooks.config, retrySchedule: webhooks.speed });
  });
  router.post('/__sandbox/webhooks/send', (ctx) => {
    const parsed = sendInput.safeParse(parseBody(ctx) ?? null);
    if (!parsed.success) return bad(ctx, 'Send {event, data}.', parsed.error);
    sendJson(ctx.res, 200, { sent: webhooks.send(parsed.data.event, parsed.data.data) });
  });
  router.post('/__sandbox/webhooks/flush', async (ctx) => {
    await webhooks.idle();
    sendJson(ctx.res, 200, { ok: true });
  });

  router.post('/__sandbox/paymentcards/:uuid/expiring', (ctx) => {
    const card = state.cards.find((c) => c.uuid === ctx.params.uuid);
    if (!card) return sendJson(ctx.res, 404, { detail: 'No such card.' });
    const data = cardJson(card, { cardTokens: false });
    sendJson(ctx.res, 200, { sent: webhooks.send('card_expires_this_month', data), webhook: { event: 'card_expires_this_month', data } });
  });

  router.post('/__sandbox/accounts/:code/charge', async (ctx) => {
    const parsed = chargeInput.safeParse(parseBody(ctx) ?? {});
    if (!parsed.success) return bad(ctx, 'Send {amount?, currency?, bankWantsAuthentication?}.', parsed.error);
    const account = findAccount(state, ctx.params.code ?? '');
    if (!account) return sendJson(ctx.res, 404, { detail: `No account ${ctx.params.code}.` });
    const card = state.cards
      .filter((c) => c.account === account.uuid && c.active && c.payment_gateway === 'stripe_new')
      .sort(byCreated)
      .at(-1);
    if (!card) return sendJson(ctx.res, 409, { detail: `Account ${account.code} has no active Stripe card to charge: add one in the portal first.` });
    const { amount, currency, bankWantsAuthentication } = parsed.data;
    const charged = await deps.chargeCard?.('stripe_new', card.token, {
      amount,
      currency: currency.toLowerCase(),
      description: `Fenerum invoice for ${account.code}`,
      demandAuthentication: bankWantsAuthentication,
    });
    if (!charged) return sendJson(ctx.res, 502, { detail: 'The gateway could not charge the card.' });
    const event =
      charged.status === 'succeeded' ? null : charged.errorCode === 'authentication_required' ? 'payment.authentication_required' : 'payment.declined';
    // Only payment_gateway_id is documented (seeds/001); the rest behind a switch, off by default.
    const documented = { payment_gateway_id: charged.paymentGatewayId };
    const extended = {
      uuid: randomUUID(),
      account: account.uuid,
      account_code: account.code,
      amount: (amount / 100).toFixed(2),
      currency: currency.toUpperCase(),
      payment_card: card.uuid,
      payment_gateway: card.payment_gateway,
      payment_gateway_id: charged.paymentGatewayId,
      created_date: now().toISOString(),
    };
    const data = state.settings.paymentWebhookFields === 'extended' ? extended : documented;
    const sent = event ? webhooks.send(event, data) : false;
    sendJson(ctx.res, 200, { ...charged, sent, webhook: event ? { event, data } : null });
  });
}
