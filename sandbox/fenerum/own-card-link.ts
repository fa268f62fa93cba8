import { z } from 'zod';
import type { GatewayLookup, GatewaySaveCard } from '../gateways';
import { parseBody, sendJson } from '../http';
import type { Router } from '../router';
import { createCard } from './card-create';
import { cardRecordJson } from './serialize';
import type { FenerumState } from './state';

const input = z.union([
  z.strictObject({ paymentMethod: z.string().regex(/^pm_card_[A-Za-z0-9_]+$/) }),
  z.strictObject({
    number: z.string().regex(/^[0-9]{12,19}$/),
    expMonth: z.number().int().min(1).max(12),
    expYear: z.number().int().min(2000).max(2100),
  }),
]);

export type OwnCardLinkDeps = { state: FenerumState; lookupCard: GatewayLookup; saveCard?: GatewaySaveCard; now: () => Date };

/**
 * POST /__sandbox/accounts/:code/card-through-fenerum {paymentMethod: pm_card_…} | {number, expMonth, expYear}
 * A card the customer added through Fenerum's own add-card link or Self-Service (not the
 * portal): Fenerum saves it on a Stripe customer it made itself and registers it on the account.
 * Answers the Fenerum card (with its token) and the Stripe customer.
 */
export function registerOwnCardLink(router: Router, { state, lookupCard, saveCard, now }: OwnCardLinkDeps): void {
  router.post('/__sandbox/accounts/:code/card-through-fenerum', async (ctx) => {
    const parsed = input.safeParse(parseBody(ctx) ?? { paymentMethod: 'pm_card_visa' });
    if (!parsed.success) {
      return sendJson(ctx.res, 400, {
        detail: 'Send {paymentMethod: "pm_card_…"} or {number, expMonth, expYear}.',
        issues: parsed.error.issues.map((i) => i.message),
      });
    }
    const key = ctx.params.code ?? '';
    const account = state.accounts.find((a) => a.code === key || a.uuid === key.toLowerCase());
    if (!account) return sendJson(ctx.res, 404, { detail: `No account ${key}.` });
    const saved = await saveCard?.('stripe_new', parsed.data);
    if (!saved) return sendJson(ctx.res, 502, { detail: 'Stripe did not save the card.' });
    const made = createCard(
      state,
      lookupCard,
      { account: account.uuid, gateway: 'stripe_new', token: saved.token },
      { user: null, clientSystem: 'Fenerum' },
      now(),
    );
    if (!made.ok) return sendJson(ctx.res, 400, made.errors);
    sendJson(ctx.res, 201, { card: cardRecordJson(made.card), stripeCustomer: saved.customer });
  });
}
