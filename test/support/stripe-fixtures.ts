import Stripe from 'stripe';
import { env } from '@/lib/env';
import { appContext } from '@/lib/server/context';
import { createSetupIntentFor } from '@/lib/cards/stripe/create-setup-intent';
import { isRefused } from '@/lib/domain/outcomes';
import { answerFor } from '@/lib/server/refusals';
import { registrationReply } from '@/lib/server/registration-reply';
import { cardSummaryOf } from '@/lib/registrations/store';
import { sessionFor, TESTS_SETUPS_PER_HOUR } from './quickpay-fixtures';

/** A SetupIntent made the way the portal makes it, for a customer of `account` (offered SEPA when `sepa` says so). */
export async function setupIntentFor(account: string, sepa: (accountCode: string) => Promise<boolean> = async () => false) {
  const { db, stripe } = await appContext();
  const started = await createSetupIntentFor({ db, stripe, sepa, setupsPerHour: TESTS_SETUPS_PER_HOUR }, await sessionFor(account), null);
  if (isRefused(started)) throw new Error(`createSetupIntentFor refused: ${started.reason}`);
  return started;
}

/** What Stripe.js does in the browser when the customer confirms with a test card. */
export async function confirmWith(setupIntentId: string, paymentMethod = 'pm_card_visa') {
  return (await appContext()).stripe.setupIntents.confirm(setupIntentId, { payment_method: paymentMethod });
}

/** A webhook request exactly as Stripe signs it. */
export function webhookRequest(event: unknown, opts: { secret?: string; timestamp?: number } = {}) {
  const payload = JSON.stringify(event, null, 2);
  const header = new Stripe(env().stripe.secretKey).webhooks.generateTestHeaderString({
    payload,
    secret: opts.secret ?? env().stripe.webhookSecret,
    timestamp: opts.timestamp,
  });
  return new Request('http://localhost:3999/api/stripe-webhook', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Stripe-Signature': header },
    body: payload,
  });
}

export function setupSucceededEvent(setupIntent: { id: string }, id = `evt_test_${setupIntent.id}`) {
  return {
    id,
    object: 'event',
    type: 'setup_intent.succeeded',
    api_version: '2026-10-28.endive',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: { object: setupIntent },
  };
}

/**
 * What POST /api/register-payment-card does for `account`'s session, without the cookie:
 * verify, try Fenerum for up to 4 s, and the same reply table; as a plain outcome to assert on.
 */
export async function registerSetupIntentNow(setupIntentId: string, account: string) {
  const ctx = await appContext();
  const reply = registrationReply(await ctx.cards.stripeCameBack({ accountCode: account }, setupIntentId));
  if (isRefused(reply)) {
    const { status, message } = answerFor(reply);
    return { kind: 'refused' as const, status, error: message };
  }
  const { status, card } = (await reply.json()) as { status: 'registered' | 'pending'; card: ReturnType<typeof cardSummaryOf> };
  return { kind: status, card };
}
