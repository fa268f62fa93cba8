/**
 * Where a request came from, as the browser tells it (Fetch Metadata, then Origin). A page on
 * another site, or on another port of this host, can make a visitor's browser send a request
 * with their cookie; these checks tell such a request from one our own pages made.
 */

const header = (req: Request, name: string) => req.headers.get(name);

/**
 * How a portal link was opened: by the visitor themselves (typed, a bookmark, a mail app handing
 * it to the browser: `Sec-Fetch-Site: none`; or from one of our own pages: `same-origin`), or
 * by anything else: another site (`cross-site`, `same-site`), or a program that sends no Fetch
 * Metadata at all (a mail scanner pre-fetching links, curl, a browser too old to send it).
 */
export function linkOpenedBy(req: Request): 'visitor' | 'elsewhere' {
  const site = header(req, 'sec-fetch-site');
  return site === 'none' || site === 'same-origin' ? 'visitor' : 'elsewhere';
}

/**
 * Whether a state-changing request came from our own pages: `Sec-Fetch-Site: same-origin` when
 * the browser sends Fetch Metadata (it decides on the address it actually loaded, so no proxy
 * or APP_URL spelling can fool it); otherwise an `Origin` equal to APP_URL's. Neither (a form
 * posted from a `no-referrer` page by a browser without Fetch Metadata sends `Origin: null`) is
 * not same-origin.
 */
export function isSameOrigin(req: Request, appUrl: string): boolean {
  const site = header(req, 'sec-fetch-site');
  if (site !== null) return site === 'same-origin';
  const origin = header(req, 'origin');
  return origin !== null && origin === new URL(appUrl).origin;
}

/** A top-level navigation from one of our own pages (a click on a plain link there), not an image, a frame or a fetch, nor a link from elsewhere. */
export function isOwnNavigation(req: Request): boolean {
  return header(req, 'sec-fetch-site') === 'same-origin' && header(req, 'sec-fetch-dest') === 'document';
}

/** The media type of the body, lower-cased, without parameters; '' when none is declared. */
function mediaTypeOf(req: Request): string {
  return (header(req, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/**
 * A route that reads a JSON body takes `application/json` only (a cross-site form can send
 * `text/plain` or form encodings without a preflight, never JSON). A route that reads no body
 * takes none declared, or JSON: the portal's own fetches send no body there.
 */
export function hasAcceptedBodyType(req: Request, readsBody: boolean): boolean {
  const type = mediaTypeOf(req);
  return type === 'application/json' || (!readsBody && type === '');
}
