import { beforeAll, describe, expect, it } from 'vitest';
import { appContext } from '@/lib/server/context';
import { loadTimeline } from '@/lib/staff/timeline/load-timeline';
import { callbackRequest, registration, startQuickpay, waitForStatus } from '@/test/support/quickpay-fixtures';
import { authorizeQuickpay, fenerumCardsOf, fenerumSettings, freshAccount, sandbox } from '@/test/support/sandbox-control';
import { auditRows, staffMember } from '@/test/support/staff-account-fixtures';
import { POST as quickpayCallback } from '@/app/api/quickpay-callback/route';
import { retryRegistration } from './retry-registration';

// The app context (PGlite and its migrations) is built before the tests' clocks start: a loaded machine.
beforeAll(async () => {
  await appContext();
});

/** A card the customer added through QuickPay that Fenerum refused (it took no QuickPay cards then). */
async function refusedCard() {
  const code = await freshAccount();
  const { registration: reg } = await startQuickpay(code);
  await fenerumSettings({ quickpayCards: 'refuse' });
  try {
    await quickpayCallback(callbackRequest(await authorizeQuickpay(reg.providerRef)));
    return { code, reg: await waitForStatus(reg.id, 'failed') };
  } finally {
    await fenerumSettings({ quickpayCards: 'accept' });
  }
}

describe('“retry now” on a card added through the portal (operator)', () => {
  it('a failed card shows on the timeline with its refusal; retried, Fenerum takes it and the timeline says registered', async () => {
    const ctx = await appContext();
    const { code, reg } = await refusedCard();
    const before = await loadTimeline(ctx, { code });
    expect(before.find((e) => e.key === `registration:${reg.id}`)).toMatchObject({ kind: 'cardFailedGateway', retry: { registrationId: reg.id } });

    const actor = staffMember();
    expect(await retryRegistration(ctx, { accountCode: code, registrationId: reg.id, actor, ip: '203.0.113.1' })).toMatchObject({ status: 'registered' });
    const cards = await fenerumCardsOf(code);
    expect(cards).toHaveLength(1);
    // Fenerum was asked in the operator's name: the create carried X-User, and the card records it.
    expect(cards[0]?.created_by).toBe(actor.email);
    const creates = (await sandbox.fenerum.audit()).filter((e) => e.path.endsWith('/paymentcards/') && e.status === 201 && e.user === actor.email);
    expect(creates).toHaveLength(1);
    expect(await auditRows(code, 'card.registration_retried')).toMatchObject([
      { actor: actor.email, ip: '203.0.113.1', details: { previousStatus: 'failed' } },
    ]);

    const after = await loadTimeline(ctx, { code });
    expect(after.find((e) => e.key === `registration:${reg.id}`)).toMatchObject({ kind: 'cardRegistered', tone: 'ok' });
    expect(after.find((e) => e.kind === 'registrationRetried')?.values).toMatchObject({ actor: actor.email });
    const times = after.map((e) => e.at.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('refuses another account’s registration, an unknown one, and one already registered; nothing changed', async () => {
    const ctx = await appContext();
    const { code, reg } = await refusedCard();
    const other = await freshAccount();
    const actor = staffMember();
    expect(await retryRegistration(ctx, { accountCode: other, registrationId: reg.id, actor })).toMatchObject({ reason: 'other-account' });
    expect(await retryRegistration(ctx, { accountCode: code, registrationId: 'no-such-registration', actor })).toMatchObject({ reason: 'not-found' });
    expect(await registration(reg.id)).toMatchObject({ status: 'failed', attempts: reg.attempts });
    expect(await auditRows(code, 'card.registration_retried')).toEqual([]);
    expect(await auditRows(other, 'card.registration_retried')).toEqual([]);

    await retryRegistration(ctx, { accountCode: code, registrationId: reg.id, actor });
    expect(await retryRegistration(ctx, { accountCode: code, registrationId: reg.id, actor })).toMatchObject({ reason: 'invalid-input' });
    expect(await fenerumCardsOf(code)).toHaveLength(1);
  });
});
