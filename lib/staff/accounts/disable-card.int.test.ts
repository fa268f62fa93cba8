import { beforeAll, describe, expect, it } from 'vitest';
import { isRefused } from '@/lib/domain/outcomes';
import { appContext } from '@/lib/server/context';
import { answerFor } from '@/lib/server/refusals';
import { fenerumCardsOf } from '@/test/support/sandbox-control';
import { auditRows, freshAccountWithCards, staffMember } from '@/test/support/staff-account-fixtures';
import type { Db } from '@/lib/db/connect';
import { disableCard } from './disable-card';
import { SETTLE_AFTER_MS, settleOpenDisables } from './disable-intents';
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

  it('a NUL or an unpaired surrogate in the reason: refused with a sentence before Fenerum is called; the card stays active', async () => {
    const ctx = await appContext();
    const account = await freshAccountWithCards();
    for (const reason of ['stolen\u0000', 'lost \ud800']) {
      const result = await disableCard(ctx, { accountCode: account.code, cardUuid: account.visa.uuid, reason, actor: staffMember() });
      expect(result).toMatchObject({ kind: 'refused', reason: 'invalid-input' });
      expect(isRefused(result) && answerFor(result).message).toMatch(/^The reason cannot be saved: .*; nothing was disabled$/);
    }
    expect((await fenerumCardsOf(account.code)).find((c) => c.uuid === account.visa.uuid)).toMatchObject({ active: true, disabled_by: null });
    expect(await auditRows(account.code, 'card.disable_requested')).toHaveLength(0);
    expect(await auditRows(account.code, 'card.disabled')).toHaveLength(0);
  });

  it('the last audit write fails after Fenerum disabled the card: the request stays open, and the maintenance job completes it', async () => {
    const ctx = await appContext();
    const account = await freshAccountWithCards();
    const actor = staffMember();
    const result = await disableCard(
      { ...ctx, db: failingCompletion(ctx.db) },
      { accountCode: account.code, cardUuid: account.visa.uuid, reason: 'fraud', actor, ip: '198.51.100.4' },
    );
    expect(result).toMatchObject({ changed: true, card: { active: false } });
    expect((await fenerumCardsOf(account.code)).find((c) => c.uuid === account.visa.uuid)).toMatchObject({ active: false, disabled_by: actor.email });
    const [requested] = await auditRows(account.code, 'card.disable_requested');
    expect(requested).toMatchObject({ actor: actor.email, ip: '198.51.100.4', subject: account.visa.uuid, details: { reason: 'fraud', last4: '4242' } });
    expect(await auditRows(account.code, 'card.disabled')).toHaveLength(0);

    // Not yet: the request is young (its Fenerum call may still be under way).
    expect(await settleOpenDisables(ctx, Date.now())).toMatchObject({ completed: 0 });
    const report = await settleOpenDisables(ctx, Date.now() + SETTLE_AFTER_MS + 1000);
    expect(report.completed).toBeGreaterThanOrEqual(1);
    const disabled = await auditRows(account.code, 'card.disabled');
    expect(disabled).toMatchObject([
      {
        actor: actor.email,
        ip: '198.51.100.4',
        subject: account.visa.uuid,
        details: { reason: 'fraud', last4: '4242', request: requested?.details.request, completedBy: 'maintenance' },
      },
    ]);
    // Settled once: a second run writes nothing more.
    await settleOpenDisables(ctx, Date.now() + SETTLE_AFTER_MS + 1000);
    expect(await auditRows(account.code, 'card.disabled')).toHaveLength(1);
  });

  it('the operator’s retry completes an open request at once; a request whose Fenerum call never happened is closed as not done', async () => {
    const ctx = await appContext();
    const account = await freshAccountWithCards();
    const actor = staffMember();
    const input = { accountCode: account.code, cardUuid: account.visa.uuid, actor };
    await disableCard({ ...ctx, db: failingCompletion(ctx.db) }, input);
    expect(await disableCard(ctx, input)).toMatchObject({ changed: false });
    expect(await auditRows(account.code, 'card.disabled')).toMatchObject([{ actor: actor.email, details: { completedBy: 'retry' } }]);

    // Fenerum down at the moment of the call: requested, never done.
    const down = { ...ctx.fenerum, disablePaymentCard: () => Promise.reject(new Error('Fenerum is down')) };
    await expect(disableCard({ ...ctx, fenerum: down }, { ...input, cardUuid: account.mastercard.uuid })).rejects.toThrow('Fenerum is down');
    await settleOpenDisables(ctx, Date.now() + SETTLE_AFTER_MS + 1000);
    expect(await auditRows(account.code, 'card.disable_not_done')).toMatchObject([{ actor: 'system', subject: account.mastercard.uuid }]);
    expect((await fenerumCardsOf(account.code)).find((c) => c.uuid === account.mastercard.uuid)).toMatchObject({ active: true });
  });
});

/** The database, except that writing `card.disabled` fails (as a lost connection or a full disk would). */
function failingCompletion(db: Db): Db {
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== 'insert') return Reflect.get(target, prop, receiver) as unknown;
      return (table: Parameters<Db['insert']>[0]) => {
        const builder = target.insert(table);
        return {
          values: (v: { action?: string }) => {
            if (v.action === 'card.disabled') throw new Error('injected: the audit write failed');
            return builder.values(v as never);
          },
        };
      };
    },
  });
}
