import { NextResponse } from 'next/server';
import Stripe from 'stripe';
import { getCustomerSession } from '@/lib/auth/server';
import { createSetupIntentFor } from '@/lib/cards/stripe/create-setup-intent';
import { getDb } from '@/lib/db';
import { env } from '@/lib/env';
import { errorResponse, jsonError } from '@/lib/http/errors';
import { clientIp } from '@/lib/http/read-json';
import { stripe } from '@/lib/stripe';

/** A SetupIntent for the session's account; nothing in the request names the account. */
export async function POST(req: Request) {
  const session = await getCustomerSession();
  if (!session) return jsonError(401, 'Your session has ended; open your card portal link again');
  try {
    return NextResponse.json(await createSetupIntentFor({ db: await getDb(), stripe: stripe(), sepaEnabled: env().stripe.sepaEnabled }, session, clientIp(req)));
  } catch (err) {
    if (err instanceof Stripe.errors.StripeError) {
      console.error('Stripe refused a SetupIntent', err.type, err.code);
      return jsonError(503, 'Card setup is not available right now; please try again in a minute');
    }
    return errorResponse(err);
  }
}
