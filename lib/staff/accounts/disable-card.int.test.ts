import { beforeAll, describe, expect, it } from 'vitest';
import { isRefused } from '@/lib/domain/outcomes';
import { appContext } from '@/lib/server/context';
import { fenerumCardsOf } from '@/test/sandbox-control';
import { auditRows, freshAccountWithCards, staffMember } from '@/test/staff-account-fixtures';
import { disableCard } from './disable-card';
import { loadAccount } from './load-account';

// The app context (PGlite and its migrations) is built before the tests' clocks start: a loaded machine.
beforeAll(async () => {
  await appContext();
});

describe('disabling a card (operator)', () => {
  it('Fenerum holds it disabled with our X-User, the audit log names card, reason, actor and address, and pages show it at once', async () => {
    const ctx = await appContext();
    const account = await freshAccountWithCards();
    const before = await loadAccount(ctx, account.code); // cached now
    expect(!isRefused(before) && before.cards.every((c) => c.active)).toBe(true);
    const actor = staffMember();

    const result = await disableCard(ctx, {
      accountCode: account.code,
      cardUuid: account.visa.uuid,
      reason: '  Card reported stolen ',
      actor,
      ip: '203.0.113.9',
    });
    expect(result).toMatchObject({ changed: true, card: { uuid: account.visa.uuid, active: false } });

    const atFenerum = await fenerumCardsOf(account.code);
    expect(atFenerum.find((c) => c.uuid === account.visa.uuid)).toMatchObject({ active: false, disabled_by: actor.email });
    expect(atFenerum.find((c) => c.uuid === account.mastercard.uuid)).toMatchObject({ active: true, disabled_by: null });
    expect(await auditRows(account.code, 'card.disabled')).toMatchObject([
      {
        actor: actor.email,
        subject: account.visa.uuid,
        ip: '203.0.113.9',
        details: { brand: 'Visa', last4: '4242', gateway: 'stripe_new', reason: 'Card reported stolen' },
      },
    ]);
    const after = await loadAccount(ctx, account.code);
    expect(!isRefused(after) && after.cards.find((c) => c.uuid === account.visa.uuid)?.active).toBe(false);
  });

  it('twice is harmless: the second changes nothing and is not audited again', async () => {
    const ctx = await appContext();
    const account = await freshAccountWithCards();
    const input = { accountCode: account.code, cardUuid: account.visa.uuid, actor: staffMember() };
    await disableCard(ctx, input);
    expect(await disableCard(ctx, input)).toMatchObject({ changed: false, card: { active: false } });
    expect(await auditRows(account.code, 'card.disabled')).toHaveLength(1);
  });

  it('another account’s card, an unknown card, an unknown account, bad input: refused, nothing changed, nothing audited', async () => {
    const ctx = await appContext();
    const [mine, theirs] = await Promise.all([freshAccountWithCards(), freshAccountWithCards()]);
    const actor = staffMember();
    const attempt = (over: Partial<Parameters<typeof disableCard>[1]>) =>
      disableCard(ctx, { accountCode: mine.code, cardUuid: mine.visa.uuid, actor, ...over });

    expect(await attempt({ cardUuid: theirs.visa.uuid })).toMatchObject({ kind: 'refused', reason: 'other-account' });
    expect(await attempt({ cardUuid: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ reason: 'not-found' });
    expect(await attempt({ accountCode: 'NO-SUCH-ACCOUNT-XYZ' })).toMatchObject({ reason: 'not-found' });
    expect(await attempt({ accountCode: '../CUST001' })).toMatchObject({ reason: 'invalid-input' });
    for (const cardUuid of ['', 'x', `${mine.visa.uuid}/disable`, '../../accounts'])
      expect(await attempt({ cardUuid })).toMatchObject({ reason: 'invalid-input' });
    expect(await attempt({ reason: 'x'.repeat(501) })).toMatchObject({ reason: 'invalid-input' });

    for (const acct of [mine, theirs]) {
      expect((await fenerumCardsOf(acct.code)).every((c) => c.active && c.disabled_by === null)).toBe(true);
      expect(await auditRows(acct.code, 'card.disabled')).toHaveLength(0);
    }
  });
});
