/**
 * The portal's Content-Security-Policy: Next's scripts by nonce, and of third parties exactly
 * what Stripe.js needs (Stripe's CSP guide: js.stripe.com and *.js.stripe.com scripts and frames, hooks.stripe.com
 * frames for 3-D Secure, api.stripe.com for its calls), plus the sandbox's Stripe in sandbox mode,
 * and the origin of the merchant's logo when it is not on the portal.
 */
export function buildCsp(opts: { nonce: string; extraStripeOrigins?: string[]; imageOrigins?: string[]; dev?: boolean }): string {
  const extra = opts.extraStripeOrigins ?? [];
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", `'nonce-${opts.nonce}'`, 'https://js.stripe.com', 'https://*.js.stripe.com', ...extra, ...(opts.dev ? ["'unsafe-eval'"] : [])],
    'style-src': ["'self'", "'unsafe-inline'"],
    'frame-src': ['https://js.stripe.com', 'https://*.js.stripe.com', 'https://hooks.stripe.com', ...extra],
    'connect-src': ["'self'", 'https://api.stripe.com', ...extra],
    // The merchant's logo, when it is on another site (MERCHANT_LOGO_URL, https only).
    'img-src': ["'self'", 'data:', 'https://*.stripe.com', ...(opts.imageOrigins ?? [])],
    'font-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/**
 * The same policy, built once (per process) with a slot for the nonce: a response only fills in
 * its own nonce instead of assembling eleven directives again.
 */
export function cspWithNonce(opts: { extraStripeOrigins?: string[]; imageOrigins?: string[]; dev?: boolean }): (nonce: string) => string {
  const slot = 'NONCE-SLOT';
  const [before = '', after = ''] = buildCsp({ ...opts, nonce: slot }).split(slot);
  return (nonce) => `${before}${nonce}${after}`;
}

/** 128 random bits, base64: unguessable and fresh for every response. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
