import { readFileSync } from 'node:fs';
import path from 'node:path';
import { STAFF_ROLES, type StaffRole } from '../../lib/auth/staff-roles';

/**
 * Everything the production build serves to staff, read from the build's own manifests (never a
 * hand list): every page and route handler under /staff, and every Server Action in the app. The
 * role each needs comes from its source, where the wrapper names it: `staffPage('admin', …)`,
 * `export const GET = staffRoute('admin', …)`, `export const x = staffAction('operator', …)`.
 * Anything else is refused by `describeStaffSurface` unless it is one of the few public entry
 * points below, with the reason it is public (a public action still goes through its wrapper,
 * `export const x = publicAction(…)`); so a new page, handler or action without its wrapper
 * fails the guard test (e2e/staff-guard.spec.ts).
 */
const PUBLIC_STAFF_PAGES: Record<string, string> = {
  '/staff/login': 'the sign-in page itself',
  '/staff/enrol': 'second-factor enrolment: only a session that passed the password gets past it (it redirects to /staff/login otherwise)',
};
const PUBLIC_ACTIONS: Record<string, string> = {
  'app/actions/language.ts#setLanguage': 'the language switch on every page (a cookie, nothing else)',
  'app/staff/login/actions.ts#signIn': 'signing in needs no session',
  'app/staff/login/actions.ts#submitCode': 'the second step of signing in (its own pending session)',
  'app/staff/login/actions.ts#signOut': 'ends whatever session the cookie names',
  'app/staff/enrol/actions.ts#confirmCode': 'enrolment of a session that passed the password (checked inside)',
  'app/pay/cards/actions.ts#removeCardAction': "a customer removes a card: the customer's session, checked inside (lib/cards/remove-card.ts)",
};

type Guarded = { role: StaffRole };
type StaffPage = { kind: 'page'; url: string; source: string; dynamic: boolean } & Guarded;
type StaffHandler = { kind: 'route'; url: string; source: string; method: string; dynamic: boolean } & Guarded;
export type StaffActionEntry = { kind: 'action'; id: string; source: string; name: string; postTo: string } & Guarded;
export type StaffSurface = { pages: StaffPage[]; handlers: StaffHandler[]; actions: StaffActionEntry[]; problems: string[] };

const distDir = process.env.NEXT_DIST_DIR || '.next';
const readJson = <T>(file: string): T => JSON.parse(readFileSync(path.join(distDir, 'server', file), 'utf8')) as T;
const roleRe = `'(${STAFF_ROLES.join('|')})'`;

/** `/staff/(console)/accounts/[code]/page` → `/staff/accounts/x` (route groups dropped, a dynamic segment given a value). */
function urlOf(entry: string): { url: string; dynamic: boolean } {
  const parts = entry.split('/').slice(0, -1);
  const segments = parts.filter((p) => !/^\(.*\)$/.test(p));
  const dynamic = segments.some((s) => s.startsWith('['));
  return { url: segments.map((s) => (s.startsWith('[') ? 'CUST001' : s)).join('/') || '/', dynamic };
}

function sourceOf(entry: string): string {
  const base = path.join('app', entry);
  for (const ext of ['.tsx', '.ts', '.jsx', '.js']) {
    try {
      readFileSync(base + ext);
      return base + ext;
    } catch {
      // try the next extension
    }
  }
  throw new Error(`no source for ${entry}`);
}

export function describeStaffSurface(): StaffSurface {
  const problems: string[] = [];
  const pages: StaffPage[] = [];
  const handlers: StaffHandler[] = [];
  const entries = Object.keys(readJson<Record<string, string>>('app-paths-manifest.json')).filter((e) => e.startsWith('/staff/') || e === '/staff');
  for (const entry of entries) {
    const { url, dynamic } = urlOf(entry);
    const source = sourceOf(entry);
    const text = readFileSync(source, 'utf8');
    if (entry.endsWith('/page')) {
      if (PUBLIC_STAFF_PAGES[url]) continue;
      const roles = [...text.matchAll(new RegExp(`staffPage\\(\\s*${roleRe}`, 'g'))].map((m) => m[1] as StaffRole);
      if (roles.length !== 1) problems.push(`${source}: a staff page calls staffPage(role, …) exactly once (found ${roles.length})`);
      else pages.push({ kind: 'page', url, source, dynamic, role: roles[0] as StaffRole });
    } else {
      const exported = [...text.matchAll(/export\s+(?:async\s+)?(?:const|function)\s+(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b/g)].map((m) => m[1] as string);
      for (const method of exported) {
        const m = text.match(new RegExp(`export\\s+const\\s+${method}\\s*=\\s*staffRoute\\(\\s*${roleRe}`));
        if (!m) problems.push(`${source}: ${method} is not staffRoute(role, …)`);
        else handlers.push({ kind: 'route', url, source, method, dynamic, role: m[1] as StaffRole });
      }
      if (!exported.length) problems.push(`${source}: a route handler under /staff exports no method we can see`);
    }
  }
  return { pages, handlers, actions: describeActions(problems), problems };
}

type ActionManifest = { node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }> };

function describeActions(problems: string[]): StaffActionEntry[] {
  const actions: StaffActionEntry[] = [];
  for (const [id, action] of Object.entries(readJson<ActionManifest>('server-reference-manifest.json').node)) {
    const { filename, exportedName } = action;
    if (!filename || !exportedName) {
      problems.push(`action ${id}: the build does not say where it is defined`);
      continue;
    }
    const text = readFileSync(filename, 'utf8');
    if (PUBLIC_ACTIONS[`${filename}#${exportedName}`]) {
      if (!new RegExp(`export\\s+const\\s+${exportedName}\\s*=\\s*publicAction\\(`).test(text)) {
        problems.push(`${filename}: public Server Action ${exportedName} is not publicAction(…)`);
      }
      continue;
    }
    const m = text.match(new RegExp(`export\\s+const\\s+${exportedName}\\s*=\\s*staffAction(?:<[^>]*>)?\\(\\s*${roleRe}`));
    if (!m) {
      problems.push(`${filename}: Server Action ${exportedName} is neither staffAction(role, …) nor a listed public action`);
      continue;
    }
    const workers = Object.keys(action.workers).filter((w) => w.endsWith('/page'));
    const worker = workers.find((w) => w.startsWith('app/staff/')) ?? workers[0];
    if (!worker) {
      problems.push(`${filename}: Server Action ${exportedName} is used by no page`);
      continue;
    }
    actions.push({ kind: 'action', id, source: filename, name: exportedName, role: m[1] as StaffRole, postTo: urlOf(worker.slice('app'.length)).url });
  }
  return actions;
}

/** Every Server Action in the build, public ones included: its id and a page that uses it (to post to). */
export function everyAction(): Array<{ id: string; label: string; postTo: string }> {
  const manifest = readJson<ActionManifest>('server-reference-manifest.json').node;
  return Object.entries(manifest).flatMap(([id, a]) => {
    const worker = Object.keys(a.workers).find((w) => w.endsWith('/page'));
    return worker ? [{ id, label: `${a.filename ?? '?'}#${a.exportedName ?? '?'}`, postTo: urlOf(worker.slice('app'.length)).url }] : [];
  });
}

/** The role just below `role`, or null for the lowest (only an anonymous caller is below it). */
export function roleBelow(role: StaffRole): StaffRole | null {
  const i = STAFF_ROLES.indexOf(role);
  return i > 0 ? (STAFF_ROLES[i - 1] as StaffRole) : null;
}
