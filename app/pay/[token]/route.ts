import { NextResponse } from 'next/server';
import { getLocale, getTranslations } from 'next-intl/server';
import { openCustomerLink } from '@/lib/auth/links';
import { linkErrorPage, linkFailureStatus } from '@/lib/auth/plain-page';
import { SESSION_COOKIE, signSession } from '@/lib/auth/session-token';
import { appContext } from '@/lib/server/context';
import { answer, html, seeOther } from '@/lib/server/reply';

const noLeak = { 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-store' };

/**
 * Opening a customer link: a valid one starts an account-scoped session and sends the
 * browser on to /pay, so the token leaves the address bar and never reaches a Referer.
 */
export async function GET(_req: Request, route: { params: Promise<{ token: string }> }) {
  return answer(async () => {
    const [{ token }, ctx] = await Promise.all([route.params, appContext()]);
    const result = await openCustomerLink(ctx, token);
    if (!result.ok) {
      const [locale, t] = await Promise.all([getLocale(), getTranslations('link')]);
      return html(linkErrorPage(result.reason, locale, t), linkFailureStatus[result.reason], noLeak);
    }
    const { session } = result;
    // A relative Location: right behind any proxy, whatever host the request came in on.
    const res: NextResponse = seeOther('/pay', noLeak);
    res.cookies.set(SESSION_COOKIE, signSession(session, ctx.env.linkSecret), {
      httpOnly: true,
      sameSite: 'lax',
      secure: new URL(ctx.env.appUrl).protocol === 'https:',
      path: '/',
      expires: new Date(session.expiresAt * 1000),
    });
    return res;
  });
}
