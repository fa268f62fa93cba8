import { describe, expect, it } from 'vitest';
import type { QuickpaySubscription } from '@/lib/quickpay/wire';
import { isSavedCard, subscriptionCardState } from './subscription-card';

type Op = QuickpaySubscription['operations'][number];
const op = (code: string | null, extra: Partial<Op> = {}): Op => ({
  id: Math.floor(Math.random() * 1e6),
  type: 'authorize',
  qp_status_code: code,
  qp_status_msg: null,
  aq_status_msg: null,
  ...extra,
});
const sub = (operations: Op[], over: Partial<QuickpaySubscription> = {}): QuickpaySubscription => ({
  id: 1,
  order_id: 'cp-1',
  accepted: true,
  type: 'Subscription',
  state: 'active',
  currency: 'DKK',
  operations,
  ...over,
});

describe('subscriptionCardState (as QuickPay’s own plugins read a subscription)', () => {
  it('an accepted subscription whose last operation is 20000 is saved, whatever its state says', () => {
    expect(isSavedCard(sub([op('20000')]))).toBe(true);
    expect(isSavedCard(sub([op('20000')], { state: 'initial' }))).toBe(true);
    expect(isSavedCard(sub([op('20000')], { state: 'something-new' }))).toBe(true);
  });

  it('a 3-D Secure save (30100 then 20000) is saved; with only the 30100 it is pending, never declined', () => {
    expect(isSavedCard(sub([op('30100', { qp_status_msg: '3-D Secure is required' }), op('20000')]))).toBe(true);
    expect(subscriptionCardState(sub([op('30100', { qp_status_msg: '3-D Secure is required' })], { accepted: false }))).toEqual({ kind: 'pending' });
  });

  it('20200 "waiting approval" is pending (finishing), not declined and not yet saved', () => {
    expect(subscriptionCardState(sub([op('20200')]))).toEqual({ kind: 'pending' });
    expect(isSavedCard(sub([op('20200')]))).toBe(false);
  });

  it('an operation still pending, or no operation yet, is pending', () => {
    expect(subscriptionCardState(sub([op('20000', { pending: true })]))).toEqual({ kind: 'pending' });
    expect(subscriptionCardState(sub([], { accepted: false }))).toEqual({ kind: 'pending' });
  });

  it('a rejected card is declined with the acquirer’s words when given', () => {
    expect(subscriptionCardState(sub([op('40000', { aq_status_msg: 'Rejected test operation', qp_status_msg: 'Rejected' })], { accepted: false }))).toEqual({
      kind: 'declined',
      reason: 'Rejected test operation',
    });
    expect(subscriptionCardState(sub([op('50000')], { accepted: false }))).toEqual({ kind: 'declined', reason: 'The card was not approved' });
  });

  it('20000 without accepted is not saved yet', () => {
    expect(isSavedCard(sub([op('20000')], { accepted: false }))).toBe(false);
  });

  it('a resource that is not a subscription is never a saved card', () => {
    expect(isSavedCard(sub([op('20000')], { type: 'Payment' }))).toBe(false);
  });
});
