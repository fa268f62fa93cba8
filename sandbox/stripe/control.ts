import { z } from 'zod';
import { RETRY_SPEEDS } from '../delivery';
import { parseBody, sendJson } from '../http';
import type { Ctx, Router } from '../router';
import { ChallengeError, resolveChallenge } from './challenges';
import type { StripeState } from './state';

/**
 * `/__sandbox/*`: no auth, for tests and the dev tools. Not part of Stripe's API.
 * - POST /__sandbox/reset                      forget everything (settings back to the defaults)
 * - GET|POST /__sandbox/settings {retrySchedule: 'real'|'fast'}
 *                                              webhook retries on Stripe's schedule, or fast for a test
 * - GET  /__sandbox/events[?type=]             every event, oldest first
 * - GET  /__sandbox/webhooks                   the webhook URL and every delivery attempt
 * - POST /__sandbox/webhooks {url|null}        point webhooks elsewhere (null: stop sending)
 * - POST /__sandbox/webhooks/flush             wait until no delivery is pending
 * - POST /__sandbox/authenticate {intent, outcome: complete|fail}
 *                                              answer an intent's pending 3-D Secure challenge
 * - POST /__sandbox/payment_methods/:id/demand-authentication
 *                                              the card's bank wants the next payment authenticated
 */
const settingsInput = z.strictObject({ retrySchedule: z.enum(RETRY_SPEEDS).optional() });

export function registerControlRoutes(router: Router, state: StripeState): void {
  router
    .post('/__sandbox/reset', (ctx) => {
      state.reset();
      sendJson(ctx.res, 200, { ok: true });
    })
    .get('/__sandbox/settings', (ctx) => sendJson(ctx.res, 200, state.settings))
    .post('/__sandbox/settings', (ctx) => {
      const parsed = settingsInput.safeParse(parseBody(ctx));
      if (!parsed.success)
        return sendJson(ctx.res, 400, {
          error: 'Send {retrySchedule: "real" | "fast"}.',
          issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
        });
      Object.assign(state.settings, parsed.data);
      sendJson(ctx.res, 200, state.settings);
    })
    .get('/__sandbox/events', (ctx) => {
      const type = ctx.url.searchParams.get('type');
      sendJson(ctx.res, 200, { data: state.events.all().filter((e) => !type || e.type === type) });
    })
    .get('/__sandbox/webhooks', (ctx) => sendJson(ctx.res, 200, { url: state.webhooks.url ?? null, deliveries: state.webhooks.deliveries }))
    .post('/__sandbox/webhooks', (ctx) => {
      const body = bodyOf(ctx);
      const url = body.url;
      if (url !== null && (typeof url !== 'string' || !/^https?:\/\//.test(url))) {
        return sendJson(ctx.res, 400, { error: 'url must be an http(s) URL or null' });
      }
      state.webhooks.url = url ?? undefined;
      sendJson(ctx.res, 200, { url });
    })
    .post('/__sandbox/webhooks/flush', async (ctx) => {
      await state.webhooks.idle();
      sendJson(ctx.res, 200, { ok: true });
    })
    .post('/__sandbox/payment_methods/:id/demand-authentication', (ctx) => {
      const id = ctx.params.id ?? '';
      if (!demandAuthentication(state, id)) return sendJson(ctx.res, 404, { error: `No card PaymentMethod ${id}.` });
      sendJson(ctx.res, 200, { ok: true, payment_method: id });
    })
    .post('/__sandbox/authenticate', (ctx) => {
      const body = bodyOf(ctx);
      const intent = typeof body.intent === 'string' ? body.intent : '';
      const outcome = body.outcome === 'fail' ? 'fail' : 'complete';
      try {
        sendJson(ctx.res, 200, { status: authenticateIntent(state, intent, outcome) });
      } catch (err) {
        if (!(err instanceof ChallengeError)) throw err;
        sendJson(ctx.res, 409, { error: err.message });
      }
    });
}

/** Answers the pending 3-D Secure challenge of an intent, as the customer would on the page. */
export function authenticateIntent(state: StripeState, intentId: string, outcome: 'complete' | 'fail'): string {
  const challenge = [...state.challenges.values()].find((c) => c.intentId === intentId && c.state === 'pending');
  if (!challenge) throw new ChallengeError(`No pending 3-D Secure challenge for ${intentId}.`);
  return resolveChallenge(state, challenge.id, outcome).status;
}

function bodyOf(ctx: Ctx): Record<string, unknown> {
  const body = parseBody(ctx);
  return body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
}

/** Marks a card so its bank wants the next payment authenticated (expired authorisation); false when there is no such card. */
export function demandAuthentication(state: StripeState, paymentMethodId: string): boolean {
  const rec = state.paymentMethods.get(paymentMethodId);
  if (!rec?.card) return false;
  rec.bankDemandsAuthentication = true;
  return true;
}
