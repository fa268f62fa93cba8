import { describe, expect, it } from 'vitest';
import type { PaymentCard } from '@/lib/domain/cards';
import { blocksResend, CAMPAIGN_WINDOW_DAYS, dueReminder, selectCandidates, sendState, windowStart } from './rules';

const now = new Date('2026-12-06T12:00:00Z');
let n = 0;
const card = (account: string, over: Partial<PaymentCard> = {}): PaymentCard => ({
  uuid: `card-${++n}`,
  accountUuid: account,
  active: true,
  brand: 'Visa',
  last4: '4242',
  expMonth: 8,
  expYear: 2030,
  gateway: 'stripe_new',
  ...over,
});
const who = (cards: PaymentCard[], campaign: 'legacy' | 'expiring') =>
  selectCandidates(cards, now)
    .filter((c) => c.campaign === campaign)
    .map((c) => c.accountUuid)
    .sort();

describe('who the legacy campaign is for', () => {
  it('an account whose only active card is on the legacy stripe gateway', () => {
    expect(who([card('a', { gateway: 'stripe' })], 'legacy')).toEqual(['a']);
  });
  it('not an account that also has an active stripe_new or QuickPay card (it is charged on that one)', () => {
    const cards = [card('b', { gateway: 'stripe' }), card('b'), card('c', { gateway: 'stripe' }), card('c', { gateway: 'quickpay' })];
    expect(who(cards, 'legacy')).toEqual([]);
  });
  it('inactive cards do not count either way', () => {
    const cards = [card('d', { gateway: 'stripe', active: false }), card('e', { gateway: 'stripe' }), card('e', { active: false })];
    expect(who(cards, 'legacy')).toEqual(['e']);
  });
  it('several legacy cards: one line for the account, about the card that lasts longest', () => {
    const cards = [card('f', { gateway: 'stripe', last4: '1111', expYear: 2027 }), card('f', { gateway: 'stripe', last4: '2222', expYear: 2031 })];
    const found = selectCandidates(cards, now).filter((c) => c.campaign === 'legacy');
    expect(found.map((c) => c.card.last4)).toEqual(['2222']);
  });
  it('account uuids are compared without case', () => {
    expect(who([card('ABC', { gateway: 'stripe' }), card('abc', { gateway: 'stripe' })], 'legacy')).toEqual(['abc']);
  });
});

describe('who the expiring campaign is for (now: December 2026)', () => {
  it('an account whose card ends next month (January 2027)', () => {
    expect(who([card('a', { expMonth: 1, expYear: 2027 })], 'expiring')).toEqual(['a']);
  });
  it('not this month, not the month after next, not expired', () => {
    const cards = [card('b', { expMonth: 12, expYear: 2026 }), card('c', { expMonth: 2, expYear: 2027 }), card('d', { expMonth: 11, expYear: 2026 })];
    expect(who(cards, 'expiring')).toEqual([]);
  });
  it('not an account with another active card that lasts longer', () => {
    expect(who([card('e', { expMonth: 1, expYear: 2027 }), card('e', { expMonth: 5, expYear: 2029 })], 'expiring')).toEqual([]);
  });
  it('never a SEPA mandate, nor an account that has one beside the card', () => {
    const cards = [
      card('f', { brand: 'SEPA Direct Debit', expMonth: 1, expYear: 2027 }),
      card('g', { expMonth: 1, expYear: 2027 }),
      card('g', { brand: 'SEPA' }),
    ];
    expect(who(cards, 'expiring')).toEqual([]);
  });
  it('a legacy card that ends next month is in both campaigns', () => {
    const both = selectCandidates([card('h', { gateway: 'stripe', expMonth: 1, expYear: 2027 })], now).map((c) => c.campaign);
    expect(both.sort()).toEqual(['expiring', 'legacy']);
  });
});

describe('the window: never the same campaign twice within it', () => {
  const day = 24 * 60 * 60_000;
  it(`a send ${CAMPAIGN_WINDOW_DAYS - 1} days ago blocks; one ${CAMPAIGN_WINDOW_DAYS + 1} days ago does not`, () => {
    expect(blocksResend({ createdAt: new Date(now.getTime() - (CAMPAIGN_WINDOW_DAYS - 1) * day), status: 'sent' }, now)).toBe(true);
    expect(blocksResend({ createdAt: new Date(now.getTime() - (CAMPAIGN_WINDOW_DAYS + 1) * day), status: 'sent' }, now)).toBe(false);
    expect(windowStart(now).getTime()).toBe(now.getTime() - CAMPAIGN_WINDOW_DAYS * day);
  });
  it('a send still queued blocks; one that reached nobody (no recipient, failed) does not', () => {
    expect(blocksResend({ createdAt: now, status: 'pending' }, now)).toBe(true);
    expect(blocksResend({ createdAt: now, status: 'no-recipient' }, now)).toBe(false);
    expect(blocksResend({ createdAt: now, status: 'failed' }, now)).toBe(false);
  });
});

describe("a send's state and its reminder", () => {
  it('replaced beats opened beats sent; queued until the outbox has it', () => {
    expect(sendState({ status: 'sent', opened: true, replaced: true })).toBe('replaced');
    expect(sendState({ status: 'sent', opened: true, replaced: false })).toBe('opened');
    expect(sendState({ status: 'sent', opened: false, replaced: false })).toBe('sent');
    expect(sendState({ status: 'pending', opened: false, replaced: false })).toBe('queued');
    expect(sendState({ status: 'no-recipient', opened: false, replaced: false })).toBe('no-recipient');
  });
  const sentAt = new Date(now.getTime() - 8 * 24 * 60 * 60_000);
  it('due after N days when no card came and no reminder went', () => {
    expect(dueReminder({ status: 'sent', sentAt, replaced: false, reminderStatus: null }, 7, now)).toBe(true);
    expect(dueReminder({ status: 'sent', sentAt, replaced: false, reminderStatus: null }, 9, now)).toBe(false);
  });
  it('never to one who replaced the card, one reminded already, or one not sent', () => {
    expect(dueReminder({ status: 'sent', sentAt, replaced: true, reminderStatus: null }, 7, now)).toBe(false);
    expect(dueReminder({ status: 'sent', sentAt, replaced: false, reminderStatus: 'sent' }, 7, now)).toBe(false);
    expect(dueReminder({ status: 'pending', sentAt: null, replaced: false, reminderStatus: null }, 0, now)).toBe(false);
  });
});
