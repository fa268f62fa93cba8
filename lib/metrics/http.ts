import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { metrics } from './registry';

type RoutePattern = { page: string; regex: RegExp };

/**
 * The app's routes and the pattern each matches: from the build's routes-manifest.json (Next's own
 * list), or, where there is none with routes in it (`next dev` writes an empty one), from the
 * `app/` folder's page and route files. A request is counted under its route's pattern
 * (`/pay/[token]`), never its address (a token, an account code: unbounded, and secret); an
 * address no route matches is `other`, static files are one route, `/_next/*`.
 */
let patterns: RoutePattern[] | undefined;

type Manifest = { staticRoutes?: { page: string; regex: string }[]; dynamicRoutes?: { page: string; regex: string }[] };

function fromManifest(): RoutePattern[] {
  const dist = path.join(process.cwd(), process.env.NEXT_DIST_DIR || '.next');
  for (const file of [path.join(dist, 'routes-manifest.json'), path.join(dist, 'dev', 'routes-manifest.json')]) {
    try {
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
      const routes = [...(manifest.staticRoutes ?? []), ...(manifest.dynamicRoutes ?? [])];
      if (routes.length > 0) return routes.map((r) => ({ page: r.page, regex: new RegExp(r.regex) }));
    } catch {
      /* not built here */
    }
  }
  return [];
}

/** The `page` and `route` files under `app/` as patterns: route groups `(x)` left out, `[x]` one segment, `[...x]` the rest; fixed routes first. */
export function fromAppFolder(files: string[]): RoutePattern[] {
  const pages = files
    .filter((f) => /(^|\/)(page|route)\.(tsx?|jsx?)$/.test(f))
    .map(
      (f) =>
        '/' +
        f
          .split('/')
          .slice(0, -1)
          .filter((seg) => !/^\(.*\)$/.test(seg))
          .join('/'),
    )
    .map((page) => page.replace(/\/$/, '') || '/');
  const regexOf = (page: string) =>
    new RegExp(
      `^${page
        .split('/')
        .map((seg) => (/^\[\.\.\..+\]$/.test(seg) ? '.+' : /^\[.+\]$/.test(seg) ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
        .join('/')}/?$`,
    );
  return [...new Set(pages)].sort((a, b) => Number(a.includes('[')) - Number(b.includes('['))).map((page) => ({ page, regex: regexOf(page) }));
}

function loadPatterns(): RoutePattern[] {
  const built = fromManifest();
  if (built.length > 0) return built;
  try {
    return fromAppFolder(readdirSync(path.join(process.cwd(), 'app'), { recursive: true, encoding: 'utf8' }).map((f) => f.split(path.sep).join('/')));
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

/** One answered request (lib/server/front-door.ts, where every request passes): its route (`routeLabel`), method and status, and how long it took. */
export function countHttpRequest(method: string | undefined, route: string, status: number, seconds: number): void {
  const m = metrics();
  m.httpRequests.inc({ route, method: method && METHODS.has(method) ? method : 'other', status: String(status) });
  m.httpSeconds.observe({ route }, seconds);
}
