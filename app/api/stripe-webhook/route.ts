import { NextResponse } from 'next/server';
import Stripe from 'stripe';
import { receiveStripeEvent } from '@/lib/cards/stripe/webhook';
import { getDb } from '@/lib/db';
import { env } from '@/lib/env';
import { ApiError, errorResponse, jsonError } from '@/lib/http/errors';
import { readLimitedText } from '@/lib/http/read-json';
import { stripe } from '@/lib/stripe';

/** Stripe's webhook: the signature checked on the raw body, then one small handler per event type. */
export async function POST(req: Request) {
  let event: Stripe.Event;
  try {
    const raw = await readLimitedText(req, 512 * 1024);
    event = stripe().webhooks.constructEvent(raw, req.headers.get('stripe-signature') ?? '', env().stripe.webhookSecret);
  } catch (err) {
    if (err instanceof ApiError) return errorResponse(err);
    return jsonError(400, 'Invalid Stripe-Signature');
  }
  try {
    const result = await receiveStripeEvent(await getDb(), event);
    return NextResponse.json({ received: true, result });
  } catch (err) {
    // Not stored or Stripe not answering: a 5xx makes Stripe deliver it again later.
    console.error('stripe webhook not handled', event.type, err);
    return jsonError(503, 'Not handled; please retry');
  }
}
