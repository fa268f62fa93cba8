import 'server-only';
import type { NextResponse } from 'next/server';
import { sessionCookie, type CustomerSession } from '@/lib/auth/session-token';
import type { AppContext } from './context';
import { seeOther } from './reply';

/** What every answer to a link carries: its address (the token) reaches no Referer and no cache. */
export const noLeak = { 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-store' };

/**
 * Starts the customer session (the signed cookie) and sends the browser on to /pay, so the
 * token leaves the address bar. A relative Location: right behind any proxy.
 */
export function startSession(ctx: Pick<AppContext, 'env'>, session: CustomerSession): NextResponse {
  const res = seeOther('/pay', noLeak);
  res.cookies.set(sessionCookie(session, ctx.env.linkSecret, ctx.env.appUrl));
  return res;
}
