import { NextResponse } from 'next/server';
import { linkErrorPage, linkFailureStatus } from '@/lib/auth/plain-page';
import { openCustomerLink } from '@/lib/auth/server';
import { SESSION_COOKIE, signSession } from '@/lib/auth/session-token';
import { env } from '@/lib/env';
import { getTranslator } from '@/lib/i18n/server';

const noLeak = { 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-store' };

/**
 * Opening a customer link: a valid one starts an account-scoped session and sends the
 * browser on to /pay, so the token leaves the address bar and never reaches a Referer.
 */
export async function GET(_req: Request, ctx: { params: Promise<{ token: string }> }) {
  const { token } = await ctx.params;
  const result = await openCustomerLink(token);
  if (!result.ok) {
    const { locale, t } = await getTranslator();
    return new NextResponse(linkErrorPage(result.reason, locale, t), {
      status: linkFailureStatus[result.reason],
      headers: { 'Content-Type': 'text/html; charset=utf-8', ...noLeak },
    });
  }
  const { session } = result;
  // A relative Location: right behind any proxy, whatever host the request came in on.
  const res = new NextResponse(null, { status: 303, headers: { Location: '/pay', ...noLeak } });
  res.cookies.set(SESSION_COOKIE, signSession(session, env().linkSecret), {
    httpOnly: true,
    sameSite: 'lax',
    secure: new URL(env().appUrl).protocol === 'https:',
    path: '/',
    expires: new Date(session.expiresAt * 1000),
  });
  return res;
}
