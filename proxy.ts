import { NextResponse, type NextRequest } from 'next/server';
import { cspWithNonce, newNonce } from '@/lib/security/csp';
import { env } from '@/lib/env';
import { logoOrigin } from '@/lib/merchant/identity';

/** The policy with the sandbox's Stripe origin (sandbox mode only) and the merchant's logo's, built once per process from the one configuration. */
let policy: ((nonce: string) => string) | undefined;
function policyFor(nonce: string): string {
  policy ??= (() => {
    const { sandbox, stripe, merchant } = env();
    const extraStripeOrigins = sandbox.stripe && stripe.apiUrl ? [new URL(stripe.apiUrl).origin] : [];
    const logo = logoOrigin(merchant.logoUrl);
    return cspWithNonce({ extraStripeOrigins, imageOrigins: logo ? [logo] : [], dev: process.env.NODE_ENV === 'development' });
  })();
  return policy(nonce);
}

/**
 * Every page gets a fresh nonce and the Content-Security-Policy built on it; Next reads the
 * nonce from the request's policy header and puts it on its own scripts.
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const csp = policyFor(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

export const config = {
  // Pages only: static files, API responses and provider callbacks need no policy (and
  // callbacks must not pass through anything that could redirect them).
  matcher: [{ source: '/((?!api/|_next/static|_next/image|favicon.ico|favicon.svg|robots.txt).*)' }],
};
