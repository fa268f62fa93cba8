import { getDb } from '@/lib/db';
import { env } from '@/lib/env';
import { stripe } from '@/lib/stripe';
import { createSetupIntentFor } from '@/lib/cards/stripe/create-setup-intent';
import { sessionFor } from './quickpay-fixtures';

/** A SetupIntent made the way the portal makes it, for a customer of `account`. */
export async function setupIntentFor(account: string, sepaEnabled = false) {
  return createSetupIntentFor({ db: await getDb(), stripe: stripe(), sepaEnabled }, await sessionFor(account), null);
}

/** What Stripe.js does in the browser when the customer confirms with a test card. */
export async function confirmWith(setupIntentId: string, paymentMethod = 'pm_card_visa') {
  return stripe().setupIntents.confirm(setupIntentId, { payment_method: paymentMethod });
}

/** A webhook request exactly as Stripe signs it. */
export function webhookRequest(event: unknown, opts: { secret?: string; timestamp?: number } = {}) {
  const payload = JSON.stringify(event, null, 2);
  const header = stripe().webhooks.generateTestHeaderString({ payload, secret: opts.secret ?? env().stripe.webhookSecret, timestamp: opts.timestamp });
  return new Request('http://localhost:3999/api/stripe-webhook', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Stripe-Signature': header }, body: payload });
}

export function setupSucceededEvent(setupIntent: { id: string }, id = `evt_test_${setupIntent.id}`) {
  return { id, object: 'event', type: 'setup_intent.succeeded', api_version: '2026-10-28.endive', created: Math.floor(Date.now() / 1000), livemode: false, pending_webhooks: 1, request: { id: null, idempotency_key: null }, data: { object: setupIntent } };
}
