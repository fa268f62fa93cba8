import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { openCustomerLink, recordLinkOpened } from '@/lib/auth/links';
import { loadTimeline } from '@/lib/staff/timeline/load-timeline';
import { issuedLinks } from '@/lib/db/schema';
import { isRefused } from '@/lib/domain/outcomes';
import { appContext } from '@/lib/server/context';
import { freshAccount, sandbox } from '@/test/sandbox-control';
import { auditRows, staffMember } from '@/test/staff-account-fixtures';
import { issueLinkForAccount, listOpenLinks, revokeAccountLink, type LinkExpiry } from './customer-links';
import { createSelfServiceLink } from './self-service';

// The app context (PGlite and its migrations) is built before the tests' clocks start: a loaded machine.
beforeAll(async () => {
  await appContext();
});

const HOUR = 3_600_000;

describe('customer links from the account page (support)', () => {
  it('issues a link with the chosen lifetime in the staff member’s name, lists it as open, and revokes it', async () => {
    const ctx = await appContext();
    const code = await freshAccount();
    const actor = staffMember('support');
    const issued = await issueLinkForAccount(ctx, { accountCode: code, expiresIn: '24h', actor, ip: '198.51.100.4' });
    if (isRefused(issued)) throw new Error(issued.reason);
    expect(Math.abs(issued.expiresAt.getTime() - Date.now() - 24 * HOUR)).toBeLessThan(60_000);
    const token = new URL(issued.url).pathname.split('/').at(-1) ?? '';
    expect(await openCustomerLink(ctx, token)).toMatchObject({ ok: true, session: { accountCode: code } });
    expect((await listOpenLinks(ctx.db, code)).map((l) => [l.id, l.issuedBy])).toEqual([[issued.id, actor.email]]);
    expect(await auditRows(code, 'link.issued')).toMatchObject([{ actor: actor.email, subject: issued.id, ip: '198.51.100.4' }]);
    await recordLinkOpened(ctx.db, { accountCode: code, linkId: issued.id }, null); // what /pay/[token] does as the session starts
    expect((await loadTimeline(ctx, { code })).map((e) => [e.kind, e.values.actor])).toEqual([
      ['linkOpened', 'customer'],
      ['linkIssued', actor.email],
    ]);

    expect(await revokeAccountLink(ctx.db, { accountCode: code, linkId: issued.id, actor })).toEqual({ revoked: true });
    expect(await listOpenLinks(ctx.db, code)).toEqual([]);
    expect(await openCustomerLink(ctx, token)).toMatchObject({ ok: false, reason: 'revoked' });
    expect(await auditRows(code, 'link.revoked')).toMatchObject([{ actor: actor.email, subject: issued.id }]);
    expect(await revokeAccountLink(ctx.db, { accountCode: code, linkId: issued.id, actor })).toEqual({ revoked: false });
  });

  it('refuses a lifetime not offered, an unknown account, and revoking another account’s or an unknown link; nothing written', async () => {
    const ctx = await appContext();
    const [mine, theirs] = await Promise.all([freshAccount(), freshAccount()]);
    const actor = staffMember('support');
    expect(await issueLinkForAccount(ctx, { accountCode: mine, expiresIn: '999d' as LinkExpiry, actor })).toMatchObject({ reason: 'invalid-input' });
    expect(await issueLinkForAccount(ctx, { accountCode: 'NO-SUCH-ACCOUNT-XYZ', expiresIn: '1h', actor })).toMatchObject({ reason: 'not-found' });
    expect(await issueLinkForAccount(ctx, { accountCode: '..', expiresIn: '1h', actor })).toMatchObject({ reason: 'invalid-input' });
    expect(await listOpenLinks(ctx.db, mine)).toEqual([]);

    const theirLink = await issueLinkForAccount(ctx, { accountCode: theirs, expiresIn: '1h', actor });
    if (isRefused(theirLink)) throw new Error(theirLink.reason);
    expect(await revokeAccountLink(ctx.db, { accountCode: mine, linkId: theirLink.id, actor })).toMatchObject({ reason: 'other-account' });
    expect(await revokeAccountLink(ctx.db, { accountCode: mine, linkId: 'no-such-link', actor })).toMatchObject({ reason: 'not-found' });
    const [row] = await ctx.db.select().from(issuedLinks).where(eq(issuedLinks.id, theirLink.id));
    expect(row?.revokedAt).toBeNull();
    expect(await auditRows(mine, 'link.revoked')).toEqual([]);
    expect(await auditRows(theirs, 'link.revoked')).toEqual([]);
  });
});

describe('Fenerum’s Self-Service link (support)', () => {
  it('is asked for the account’s email with our X-User, shown, and audited without the link itself', async () => {
    const ctx = await appContext();
    const account = await sandbox.fenerum.createAccount({ email: `selfservice-${Date.now()}@example.com` });
    const actor = staffMember('support');
    const made = await createSelfServiceLink(ctx, { accountCode: account.code, actor, ip: '192.0.2.7' });
    if (isRefused(made)) throw new Error(made.reason);
    expect(made.email).toBe(account.billing_email);
    expect(made.url).toMatch(/\/self-service\/access\/[0-9a-f]+$/);
    const call = (await sandbox.fenerum.audit()).find((e) => e.path.includes('self-service') && (e.body as { email?: string }).email === account.billing_email);
    expect(call).toMatchObject({ status: 200, user: actor.email });
    const rows = await auditRows(account.code, 'self_service.link_created');
    expect(rows).toMatchObject([{ actor: actor.email, ip: '192.0.2.7', details: { email: account.billing_email } }]);
    expect(JSON.stringify(rows)).not.toContain(made.url);
  });

  it('refuses an unknown account and asks Fenerum nothing', async () => {
    const ctx = await appContext();
    const selfServiceCalls = async () => (await sandbox.fenerum.audit()).filter((e) => e.path.includes('self-service')).length;
    const before = await selfServiceCalls();
    expect(await createSelfServiceLink(ctx, { accountCode: 'NO-SUCH-ACCOUNT-XYZ', actor: staffMember('support') })).toMatchObject({ reason: 'not-found' });
    expect(await selfServiceCalls()).toBe(before);
  });
});
