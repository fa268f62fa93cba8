import { count, eq } from 'drizzle-orm';
import { env } from '@/lib/env';
import { fenerumWebhookEvents, inbox, paymentApprovals } from '@/lib/db/schema';
import { appContext } from '@/lib/server/context';
import { POST } from '@/app/api/fenerum-webhook/route';
import { confirmWith, registerSetupIntentNow, setupIntentFor } from './stripe-fixtures';
import { sandbox } from './sandbox-control';

/** A webhook request as Fenerum sends it: JSON with HTTP Basic auth (the configured credentials unless told otherwise). */
function fenerumWebhookRequest(body: unknown, auth: string | null = basic(env().fenerum.webhookUsername, env().fenerum.webhookPassword)) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (auth !== null) headers.Authorization = auth;
  return new Request('http://localhost:3999/api/fenerum-webhook', { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

export const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** Delivers a webhook to the route and waits until the work done after the answer has finished. */
export async function deliver(body: unknown, auth?: string | null) {
  const res = await POST(fenerumWebhookRequest(body, auth));
  await (await appContext()).background.idle();
  return res;
}

/** An account with a Visa saved through the portal (Stripe customer, Fenerum card): what Fenerum later charges. */
export async function accountWithCard(account: string, paymentMethod = 'pm_card_visa') {
  const { setupIntentId } = await setupIntentFor(account);
  // A card whose bank asks for 3-D Secure on setup: the customer completes it.
  if ((await confirmWith(setupIntentId, paymentMethod)).status === 'requires_action') await sandbox.stripe.authenticate(setupIntentId, 'complete');
  const outcome = await registerSetupIntentNow(setupIntentId, account);
  if (outcome.kind !== 'registered') throw new Error(`card not registered: ${JSON.stringify(outcome)}`);
  return account;
}

/** Fenerum charges the account off-session and the bank wants authentication: the webhook it sends. */
export async function failedCharge(account: string, amount = 49_900) {
  const charge = await sandbox.fenerum.charge(account, { amount, currency: 'dkk' });
  if (!charge.webhook) throw new Error(`the charge did not fail: ${JSON.stringify(charge)}`);
  return { paymentIntentId: charge.paymentGatewayId, webhook: charge.webhook };
}

export async function counts() {
  const { db } = await appContext();
  const n = async (q: Promise<Array<{ n: number }>>) => (await q)[0]?.n ?? 0;
  return {
    inbox: await n(db.select({ n: count() }).from(inbox).where(eq(inbox.provider, 'fenerum'))),
    events: await n(db.select({ n: count() }).from(fenerumWebhookEvents)),
    approvals: await n(db.select({ n: count() }).from(paymentApprovals)),
  };
}
