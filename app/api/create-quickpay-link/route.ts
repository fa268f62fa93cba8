import { NextResponse } from 'next/server';
import { quickpayWindowFor } from '@/lib/cards/quickpay/server';
import { errorResponse } from '@/lib/http/errors';

/** `{url}` of a QuickPay window that saves a card to the session's account. No body is read. */
export async function POST(req: Request) {
  try {
    return NextResponse.json({ url: await quickpayWindowFor(req) });
  } catch (err) {
    return errorResponse(err);
  }
}
