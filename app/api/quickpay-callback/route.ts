import { NextResponse } from 'next/server';
import { receiveQuickpayCallback } from '@/lib/cards/quickpay/callback';
import { getDb } from '@/lib/db';
import { env } from '@/lib/env';
import { ApiError, errorResponse, jsonError } from '@/lib/http/errors';
import { readLimitedText } from '@/lib/http/read-json';
import { registerInBackground } from '@/lib/registrations/server';

/** QuickPay's callback: verified, stored, answered; Fenerum is called after, never before the 200. */
export async function POST(req: Request) {
  try {
    const raw = await readLimitedText(req, 256 * 1024);
    const outcome = await receiveQuickpayCallback(await getDb(), env().quickpay.privateKey, raw, req.headers);
    if (outcome.status !== 200) return jsonError(outcome.status, outcome.error);
    if (outcome.result === 'queued' && outcome.registration?.status === 'queued') registerInBackground(outcome.registration.id);
    return NextResponse.json({ ok: true, result: outcome.result, ...(outcome.reason ? { reason: outcome.reason } : {}) });
  } catch (err) {
    // Storing failed (database down): a 5xx makes QuickPay try again later, which is what we want.
    if (err instanceof ApiError) return errorResponse(err);
    console.error('quickpay callback not stored', err);
    return jsonError(503, 'Not stored; please retry');
  }
}
