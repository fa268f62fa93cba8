import { NextResponse } from 'next/server';
import Stripe from 'stripe';
import { z } from 'zod';
import { getCustomerSession } from '@/lib/auth/server';
import { registerSetupIntentNow } from '@/lib/cards/stripe/server';
import { errorResponse, jsonError } from '@/lib/http/errors';
import { readJson } from '@/lib/http/read-json';

const body = z.object({
  setupIntentId: z.string({ error: 'setupIntentId is required' }).regex(/^seti_[A-Za-z0-9]{1,255}$/, 'setupIntentId must be a SetupIntent id (seti_…)'),
});

/** After confirmSetup: the server checks the SetupIntent with Stripe, then registers it with Fenerum once. */
export async function POST(req: Request) {
  const session = await getCustomerSession();
  if (!session) return jsonError(401, 'Your session has ended; open your card portal link again');
  try {
    const { setupIntentId } = await readJson(req, body);
    const outcome = await registerSetupIntentNow(setupIntentId, session.accountCode);
    if (outcome.kind === 'refused') return jsonError(outcome.status, outcome.error);
    return NextResponse.json({ status: outcome.kind, card: outcome.card }, { status: outcome.kind === 'registered' ? 200 : 202 });
  } catch (err) {
    if (err instanceof Stripe.errors.StripeError) {
      console.error('Stripe failed during registration', err.type, err.code);
      return jsonError(503, 'Stripe is not answering right now; your card is safe, please try again in a minute');
    }
    return errorResponse(err);
  }
}
