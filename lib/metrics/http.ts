import { readFileSync } from 'node:fs';
import path from 'node:path';
import { metrics } from './registry';

type RoutePattern = { page: string; regex: RegExp };

/**
 * Next's own list of the app's routes (the build's routes-manifest.json: every page and route
 * handler with the pattern it matches), read once: a request is counted under its route's
 * pattern (`/pay/[token]`), never its address (a token, an account code: unbounded, and secret).
 * Without a build (`next dev` before its first compile), or for an address no route matches:
 * `other`. Static files are one route, `/_next/*`.
 */
let patterns: RoutePattern[] | undefined;

function loadPatterns(): RoutePattern[] {
  try {
    const file = path.join(process.cwd(), process.env.NEXT_DIST_DIR || '.next', 'routes-manifest.json');
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as {
      staticRoutes?: { page: string; regex: string }[];
      dynamicRoutes?: { page: string; regex: string }[];
    };
    return [...(manifest.staticRoutes ?? []), ...(manifest.dynamicRoutes ?? [])].map((r) => ({ page: r.page, regex: new RegExp(r.regex) }));
  } catch {
    return [];
  }
}

export function routeLabel(url: string | undefined, known: RoutePattern[] = (patterns ??= loadPatterns())): string {
  const pathname = (url ?? '/').split('?')[0] ?? '/';
  if (pathname.startsWith('/_next/')) return '/_next/*';
  return known.find((r) => r.regex.test(pathname))?.page ?? 'other';
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** One answered request (lib/server/front-door.ts, where every request passes): its route, method and status, and how long it took. */
export function countHttpRequest(method: string | undefined, url: string | undefined, status: number, seconds: number): void {
  const m = metrics();
  const route = routeLabel(url);
  m.httpRequests.inc({ route, method: method && METHODS.has(method) ? method : 'other', status: String(status) });
  m.httpSeconds.observe({ route }, seconds);
}
