import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { openCustomerLink, recordLinkOpened } from '@/lib/auth/links';
import { loadTimeline } from '@/lib/staff/timeline/load-timeline';
import { issuedLinks } from '@/lib/db/schema';
import { isRefused } from '@/lib/domain/outcomes';
import { appContext } from '@/lib/server/context';
import { freshAccount, sandbox } from '@/test/support/sandbox-control';
import { auditRows, staffMember } from '@/test/support/staff-account-fixtures';
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
  const selfServiceCalls = async () => (await sandbox.fenerum.audit()).filter((e) => e.path.includes('self-service')).length;

  it('is made for the recipient the staff member chose, with our X-User, shown, and audited with the recipient but not the link', async () => {
    const ctx = await appContext();
    const [first, chosen] = [`first-${Date.now()}@example.com`, `chosen-${Date.now()}@example.com`];
    const account = await sandbox.fenerum.createAccount({
      recipients: [{ email: first }, { email: chosen, name: 'Ejer Eva', receive_payment_confirmation: false }],
    });
    const actor = staffMember('support');
    const made = await createSelfServiceLink(ctx, { accountCode: account.code, email: chosen.toUpperCase(), actor, ip: '192.0.2.7' });
    if (isRefused(made)) throw new Error(made.reason);
    expect(made.email).toBe(chosen);
    expect(made.url).toMatch(/\/self-service\/access\/[0-9a-f]+$/);
    const call = (await sandbox.fenerum.audit()).find((e) => e.path.includes('self-service') && (e.body as { email?: string }).email === chosen);
    expect(call).toMatchObject({ status: 200, user: actor.email });
    const rows = await auditRows(account.code, 'self_service.link_created');
    expect(rows).toMatchObject([{ actor: actor.email, ip: '192.0.2.7', details: { email: chosen, recipientName: 'Ejer Eva' } }]);
    expect(JSON.stringify(rows)).not.toContain(made.url);
  });

  it('refuses an address that is not one of this account’s recipients (another account’s too), and asks Fenerum nothing', async () => {
    const ctx = await appContext();
    const other = await sandbox.fenerum.createAccount({ recipients: [{ email: `other-${Date.now()}@example.com` }] });
    const account = await sandbox.fenerum.createAccount();
    const before = await selfServiceCalls();
    const actor = staffMember('support');
    for (const email of [other.recipients[0]?.email ?? '', 'stranger@example.com']) {
      expect(await createSelfServiceLink(ctx, { accountCode: account.code, email, actor })).toMatchObject({ reason: 'invalid-input' });
    }
    expect(await selfServiceCalls()).toBe(before);
    expect(await auditRows(account.code, 'self_service.link_created')).toEqual([]);
  });

  it('with Fenerum ignoring the recipients filter, another account’s recipient is still refused', async () => {
    const ctx = await appContext();
    const other = await sandbox.fenerum.createAccount({ recipients: [{ email: `ignored-${Date.now()}@example.com` }] });
    const account = await sandbox.fenerum.createAccount();
    await sandbox.fenerum.settings({ recipientListAccountFilter: 'ignore' });
    try {
      const made = await createSelfServiceLink(ctx, { accountCode: account.code, email: other.recipients[0]?.email ?? '', actor: staffMember('support') });
      expect(made).toMatchObject({ reason: 'invalid-input' });
    } finally {
      await sandbox.fenerum.settings({ recipientListAccountFilter: 'code' });
    }
  });

  it('refuses an account with no recipient, and an unknown account, and asks Fenerum nothing', async () => {
    const ctx = await appContext();
    const before = await selfServiceCalls();
    const lonely = await sandbox.fenerum.createAccount({ recipients: [] });
    expect(await createSelfServiceLink(ctx, { accountCode: lonely.code, email: 'a@b.dk', actor: staffMember('support') })).toMatchObject({
      reason: 'invalid-input',
    });
    expect(await createSelfServiceLink(ctx, { accountCode: 'NO-SUCH-ACCOUNT-XYZ', email: 'a@b.dk', actor: staffMember('support') })).toMatchObject({
      reason: 'not-found',
    });
    expect(await selfServiceCalls()).toBe(before);
  });
});
