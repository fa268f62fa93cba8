import 'server-only';
import type { NextResponse } from 'next/server';
import { PORTAL_HOME } from '@/lib/auth/landing';
import { sessionCookie, type CustomerSession } from '@/lib/auth/session-token';
import { noteMailLinkOpened } from '@/lib/mail/outbox';
import type { AppContext } from './context';
import { seeOther } from './reply';

/** What every answer to a link carries: its address (the token) reaches no Referer and no cache. */
export const noLeak = { 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-store' };

/**
 * Starts the customer session (the signed cookie) and sends the browser on to the link's
 * landing page (allowlisted, lib/auth/landing.ts; default /pay), so the token leaves the
 * address bar. A relative Location: right behind any proxy. A link an email carried is marked
 * opened (the staff timeline shows the customer acted), after the answer.
 */
export function startSession(ctx: Pick<AppContext, 'env' | 'db' | 'background'>, session: CustomerSession, landing = PORTAL_HOME): NextResponse {
  const res = seeOther(landing, noLeak);
  res.cookies.set(sessionCookie(session, ctx.env.linkSecret, ctx.env.appUrl));
  ctx.background.run('mail link opened', () => noteMailLinkOpened(ctx.db, session.linkId));
  return res;
}
