/**
 * Where a customer link may land after it starts the session: a short allowlist of the
 * portal's own pages, never an address the token's holder chose. The path is signed inside
 * the token; this check runs again when the link is opened, so a path this list no longer
 * holds falls back to the portal.
 */
export const PORTAL_HOME = '/pay';

const allowed: RegExp[] = [
  /^\/pay$/,
  // The portal's "add a card" view: the portal, scrolled to its add-card panel.
  /^\/pay#add-card$/,
  // A payment waiting for the customer's approval (a Stripe PaymentIntent id).
  /^\/pay\/approve\/pi_[A-Za-z0-9]{1,64}$/,
];

export function isLandingPath(path: unknown): path is string {
  return typeof path === 'string' && path.length <= 100 && allowed.some((re) => re.test(path));
}

/** The path to send the browser to once the session is set: the signed landing when allowed, else the portal. */
export function landingOrHome(path: unknown): string {
  return isLandingPath(path) ? path : PORTAL_HOME;
}

export const landingPaths = {
  portal: () => PORTAL_HOME,
  addCard: () => '/pay#add-card',
  approve: (paymentIntentId: string) => `/pay/approve/${paymentIntentId}`,
};
