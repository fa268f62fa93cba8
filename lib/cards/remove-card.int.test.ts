import { beforeAll, describe, expect, it } from 'vitest';
import type { CustomerSession } from '@/lib/auth/session-token';
import { isRefused } from '@/lib/domain/outcomes';
import type { CardChange } from '@/lib/mail/card-notice';
import { appContext } from '@/lib/server/context';
import { answerFor } from '@/lib/server/refusals';
import { fenerumCardsOf, sandbox } from '@/test/support/sandbox-control';
import { auditRows, freshAccountWithCards } from '@/test/support/staff-account-fixtures';
import { cardToRemove, removeCard } from './remove-card';

beforeAll(async () => void (await appContext()));

const sessionOf = (account: { code: string; uuid: string }): CustomerSession => ({
  linkId: 'link-test',
  accountCode: account.code,
  accountUuid: account.uuid,
  expiresAt: Math.floor(Date.now() / 1000) + 3600,
});

/** The app's context with a notice recorder in place of the background email. */
async function deps() {
  const ctx = await appContext();
  const notices: CardChange[] = [];
  return { deps: { ...ctx, notifyCardChange: (c: CardChange) => void notices.push(c) }, notices };
}

const activeAtFenerum = async (code: string) => (await fenerumCardsOf(code)).filter((c) => c.active).map((c) => c.uuid);

describe('a customer removes a card', () => {
  it('Fenerum holds it disabled with X-User naming the customer; the audit log says the customer did it; the account is told', async () => {
    const account = await freshAccountWithCards();
    const { deps: d, notices } = await deps();
    const removed = await removeCard(d, sessionOf(account), { card: account.visa.uuid }, '203.0.113.9');
    expect(removed).toMatchObject({ card: { uuid: account.visa.uuid, active: false }, copies: 1 });

    const stored = (await fenerumCardsOf(account.code)).find((c) => c.uuid === account.visa.uuid);
    expect(stored).toMatchObject({ active: false, disabled_by: `customer:${account.code}` });
    expect(await activeAtFenerum(account.code)).toEqual([account.mastercard.uuid]);
    const rows = await auditRows(account.code, 'card.removed_by_customer');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor: `customer:${account.code}`, subject: account.visa.uuid, ip: '203.0.113.9', details: { last4: '4242' } });
    expect(notices).toEqual([{ accountCode: account.code, change: 'removed', card: expect.objectContaining({ last4: '4242' }), by: 'customer' }]);
  });

  it('never the last active card: refused with a sentence, Fenerum still charges it, nothing written', async () => {
    const account = await freshAccountWithCards();
    const { deps: d, notices } = await deps();
    expect(isRefused(await removeCard(d, sessionOf(account), { card: account.visa.uuid }, null))).toBe(false);
    const last = await removeCard(d, sessionOf(account), { card: account.mastercard.uuid }, null);
    expect(isRefused(last) && answerFor(last)).toMatchObject({ status: 409, code: 'last-card', message: expect.stringMatching(/only active card/) });
    expect(await activeAtFenerum(account.code)).toEqual([account.mastercard.uuid]);
    expect(await auditRows(account.code, 'card.removed_by_customer')).toHaveLength(1);
    expect(notices).toHaveLength(1);
    expect(await cardToRemove(d, sessionOf(account), account.mastercard.uuid)).toMatchObject({ last: true });
  });

  it('removes every copy of a card Fenerum holds twice, and refuses when those copies are all there is', async () => {
    const ctx = await appContext();
    const account = await sandbox.fenerum.createAccount();
    const copies = [];
    for (let i = 0; i < 2; i++) copies.push(await ctx.fenerum.createPaymentCard({ accountUuid: account.uuid, gateway: 'stripe_new', token: 'pm_card_visa' }));
    const { deps: d } = await deps();
    const only = await removeCard(d, sessionOf(account), { card: copies[1]?.uuid }, null);
    expect(isRefused(only) && only.reason).toBe('last-card');
    const other = await ctx.fenerum.createPaymentCard({ accountUuid: account.uuid, gateway: 'stripe_new', token: 'pm_card_mastercard' });
    expect(await removeCard(d, sessionOf(account), { card: copies[1]?.uuid }, null)).toMatchObject({ copies: 2 });
    expect(await activeAtFenerum(account.code)).toEqual([other.uuid]);
  });

  it.each([
    ['another account’s card', (other: string) => ({ card: other })],
    ['an unknown uuid', () => ({ card: '00000000-0000-4000-8000-000000000000' })],
    ['a malformed id', () => ({ card: 'not-a-uuid' })],
    ['no card at all', () => ({})],
    ['no form', () => null],
  ])('refuses %s: nothing at Fenerum changes, nothing is written, nobody is told', async (_name, form) => {
    const mine = await freshAccountWithCards();
    const theirs = await freshAccountWithCards();
    const { deps: d, notices } = await deps();
    const result = await removeCard(d, sessionOf(mine), form(theirs.visa.uuid), null);
    expect(isRefused(result) && answerFor(result).status).toBeOneOf([400, 404]);
    expect(await activeAtFenerum(mine.code)).toHaveLength(2);
    expect(await activeAtFenerum(theirs.code)).toHaveLength(2);
    expect(await auditRows(mine.code, 'card.removed_by_customer')).toHaveLength(0);
    expect(await auditRows(theirs.code, 'card.removed_by_customer')).toHaveLength(0);
    expect(notices).toHaveLength(0);
    expect(await cardToRemove(d, sessionOf(mine), theirs.visa.uuid)).toBeNull();
  });
});
