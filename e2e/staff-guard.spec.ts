import { readFileSync } from 'node:fs';
import { E2E } from './support/ports';
import { expect, test } from './support/test';
import { actionFormBody } from './support/action-reply';
import { signInEveryRole, type RoleCookies } from './support/staff-sessions';
import { describeStaffSurface, roleBelow, type StaffActionEntry } from './support/staff-surface';

/**
 * Issue 10's guard: every staff page, staff route handler and Server Action the production build
 * contains (from its manifests: e2e/support/staff-surface.ts) refuses an anonymous caller and a
 * signed-in staff member of the role below its own. One without its wrapper fails the first test.
 */
const surface = describeStaffSurface();
let cookies: RoleCookies;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  cookies = await signInEveryRole(browser);
});

const get = (path: string, cookie?: string) => fetch(new URL(path, E2E.appUrl), { redirect: 'manual', headers: cookie ? { cookie } : {} });
const toSignIn = (res: Response) =>
  [302, 303, 307, 308].includes(res.status) && new URL(res.headers.get('location') ?? '', E2E.appUrl).pathname === '/staff/login';
// The refusal table's English sentence (a JSON import needs an import attribute under Playwright's loader).
const FORBIDDEN = (JSON.parse(readFileSync('messages/en.json', 'utf8')) as { refusals: { forbidden: string } }).refusals.forbidden;
const headingsOf = (html: string) => [...html.matchAll(/<h1[^>]*>([\s\S]*?)<\/h1>/g)].map((m) => m[1]);

test('the build contains staff pages, handlers and actions, each declaring its role through its wrapper', () => {
  expect(surface.problems).toEqual([]);
  expect(surface.pages.map((p) => p.url)).toEqual(expect.arrayContaining(['/staff', '/staff/audit', '/staff/users']));
  expect(surface.handlers.map((h) => `${h.method} ${h.url}`)).toContain('GET /staff/audit/export');
  expect(surface.actions.map((a) => a.name)).toContain('addUser');
});

test('every staff page sends an anonymous visitor to sign in and refuses the role below its own', async () => {
  for (const page of surface.pages) {
    const anonymous = await get(page.url);
    expect(toSignIn(anonymous), `${page.url} anonymous → ${anonymous.status}`).toBe(true);
    const below = roleBelow(page.role);
    if (!below) continue;
    const refusedHtml = await (await get(page.url, cookies[below])).text();
    expect(refusedHtml, `${page.url} as ${below}`).toMatch(/role="alert"/);
    if (page.dynamic) continue;
    const allowed = await get(page.url, cookies[page.role]);
    expect(allowed.status, `${page.url} as ${page.role}`).toBe(200);
    const [heading] = headingsOf(await allowed.text());
    expect(heading, `${page.url} has a heading for ${page.role}`).toBeTruthy();
    expect(headingsOf(refusedHtml), `${page.url} as ${below} shows the page`).not.toContain(heading);
  }
});

test('every staff route handler sends an anonymous caller to sign in and answers the role below its own 403', async () => {
  for (const h of surface.handlers) {
    const call = (cookie?: string) =>
      fetch(new URL(h.url, E2E.appUrl), {
        method: h.method,
        redirect: 'manual',
        headers: { 'sec-fetch-site': 'same-origin', 'sec-fetch-dest': 'document', ...(cookie ? { cookie } : {}) },
      });
    const anonymous = await call();
    expect(toSignIn(anonymous), `${h.method} ${h.url} anonymous → ${anonymous.status}`).toBe(true);
    const below = roleBelow(h.role);
    if (!below) continue;
    const refused = await call(cookies[below]);
    expect(refused.status, `${h.method} ${h.url} as ${below}`).toBe(403);
    expect(await refused.json()).toEqual({ error: FORBIDDEN, code: 'forbidden' });
  }
});

/** Posts a Server Action as the browser's form would (React's reply encoding, an empty form), with our own Origin. */
async function postAction(action: StaffActionEntry, cookie?: string): Promise<string> {
  const body = await actionFormBody();
  const res = await fetch(new URL(action.postTo, E2E.appUrl), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'next-action': action.id, origin: E2E.appUrl, accept: 'text/x-component', ...(cookie ? { cookie } : {}) },
    body,
  });
  expect(res.status, `${action.source}#${action.name}`).toBe(200);
  return res.text();
}

test('every Server Action refuses an anonymous caller and the role below its own, before reading its input', async () => {
  const viewerRows = await auditRowsBy('viewer@sandbox.test');
  for (const action of surface.actions) {
    const label = `${action.source}#${action.name} (${action.role})`;
    expect(await postAction(action), `${label} anonymous`).toContain('"ok":false,"error":"Your staff session has ended; sign in again"');
    const below = roleBelow(action.role);
    if (below) expect(await postAction(action, cookies[below]), `${label} as ${below}`).toContain(`"ok":false,"error":"${FORBIDDEN}"`);
  }
  // Nothing was done in the viewer's name (the viewer, the lowest role, writes nothing anywhere).
  expect(await auditRowsBy('viewer@sandbox.test')).toBe(viewerRows);
});

/** How many audit rows name `actor`, read from the admin's audit page (the app's database is its own). */
async function auditRowsBy(actor: string): Promise<number> {
  const html = await (await get(`/staff/audit?actor=${encodeURIComponent(actor)}`, cookies.admin)).text();
  return (html.match(/<tr data-seq=/g) ?? []).length;
}
