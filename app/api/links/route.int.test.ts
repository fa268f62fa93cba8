import { count, eq, like, or } from 'drizzle-orm';
import { appContext } from '@/lib/server/context';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditLog, issuedLinks } from '@/lib/db/schema';
import { sandboxSecrets } from '@/lib/env/sandbox-defaults';
import { POST } from './route';

const url = 'http://localhost:3999/api/links';
const auth = { Authorization: `Bearer ${sandboxSecrets.PORTAL_API_KEY}`, 'Content-Type': 'application/json' };
const post = (body: string, headers: Record<string, string> = auth) => POST(new Request(url, { method: 'POST', headers, body }));

/**
 * What this API writes: links and audit rows issued by `api` or `api:<issuedBy>`. On Postgres the
 * integration files share one database and others audit at the same time, so "writes nothing" is
 * judged by this API's own rows, not the whole table's count.
 */
async function rows() {
  const db = (await appContext()).db;
  const [[links], [entries]] = await Promise.all([
    db
      .select({ n: count() })
      .from(issuedLinks)
      .where(or(eq(issuedLinks.issuedBy, 'api'), like(issuedLinks.issuedBy, 'api:%'))),
    db
      .select({ n: count() })
      .from(auditLog)
      .where(or(eq(auditLog.actor, 'api'), like(auditLog.actor, 'api:%'))),
  ]);
  return { links: links?.n ?? 0, audit: entries?.n ?? 0 };
}

describe('POST /api/links', () => {
  let before: Awaited<ReturnType<typeof rows>>;
  beforeEach(async () => {
    before = await rows();
  });

  it('issues a link for a known account, records it, and audits it', async () => {
    const res = await post(JSON.stringify({ account: 'CUST001', expiresIn: '2h' }));
    expect(res.status).toBe(201);
    const body = (await res.json()) as { url: string; expiresAt: string };
    expect(body.url).toMatch(/^http:\/\/localhost:3999\/pay\/[\w-]+\.[\w-]+$/);
    const hours = (Date.parse(body.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(1.9);
    expect(hours).toBeLessThanOrEqual(2);
    expect(await rows()).toEqual({ links: before.links + 1, audit: before.audit + 1 });
  });

  it.each([
    ['no key', {}],
    ['a wrong key', { Authorization: 'Bearer not-the-key' }],
    ['another scheme', { Authorization: `Basic ${sandboxSecrets.PORTAL_API_KEY}` }],
  ])('answers 401 with %s and writes nothing', async (_, headers) => {
    const res = await post(JSON.stringify({ account: 'CUST001' }), { 'Content-Type': 'application/json', ...headers });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: expect.stringMatching(/API key/), code: 'unauthenticated' });
    expect(await rows()).toEqual(before);
  });

  it.each([
    ['malformed JSON', '{"account": ', 400, /Malformed JSON/],
    ['a missing account', '{}', 400, /account/],
    ['a wrong type', '{"account": 42}', 400, /account/],
    ['a bad lifetime', '{"account": "CUST001", "expiresIn": "forever"}', 400, /expiresIn/],
    ['a lifetime over 90 days', '{"account": "CUST001", "expiresIn": "91d"}', 400, /90d/],
    ['an oversized body', JSON.stringify({ account: 'CUST001', pad: 'x'.repeat(20_000) }), 413, /too large/],
    ['an unknown account', '{"account": "NOPE999"}', 404, /Unknown account: NOPE999/],
    ['the account "."', '{"account": "."}', 400, /account/],
    ['the account ".."', '{"account": ".."}', 400, /account/],
    ['a NUL in issuedBy', JSON.stringify({ account: 'CUST001', issuedBy: 'ops\u0000' }), 400, /NUL/],
    ['a NUL in an unknown field', JSON.stringify({ account: 'CUST001', note: { deep: ['\u0000'] } }), 400, /NUL/],
  ])('refuses %s with a clear message and writes nothing', async (_, body, status, message) => {
    const res = await post(body);
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: string }).error).toMatch(message);
    expect(await rows()).toEqual(before);
  });

  it.each([['text/plain'], ['application/x-www-form-urlencoded'], ['']])('refuses a body sent as %j with 415 and writes nothing', async (type) => {
    const headers: Record<string, string> = { Authorization: auth.Authorization, ...(type ? { 'Content-Type': type } : {}) };
    const res = await post(JSON.stringify({ account: 'CUST001' }), headers);
    expect(res.status).toBe(415);
    expect(await rows()).toEqual(before);
  });

  it('records only a valid IP address as "from where", never a client\'s X-Forwarded-For text', async () => {
    const res = await post(JSON.stringify({ account: 'CUST001' }), { ...auth, 'X-Forwarded-For': 'x'.repeat(8_000) });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const [entry] = await (await appContext()).db.select().from(auditLog).where(eq(auditLog.subject, id));
    expect(entry).toMatchObject({ action: 'link.issued', ip: null });
  });
});
