import { describe, expect, it } from 'vitest';
import { wantsNewCard } from '@/lib/domain/cards';
import { preselectedKind, RESEND_WINDOW_MINUTES, resendWindowStart, sendFormHref, sentLinkLanding } from './send-rules';

describe('what staff send by email, and when it asks first', () => {
  it('the resend window is the ten minutes before now', () => {
    expect(RESEND_WINDOW_MINUTES).toBe(10);
    expect(resendWindowStart(new Date('2026-12-06T10:00:00Z')).toISOString()).toBe('2026-12-06T09:50:00.000Z');
  });
  it('?send= preselects a kind it names, and the customer link otherwise', () => {
    expect(preselectedKind('new-card')).toBe('new-card');
    expect(preselectedKind('self-service')).toBe('self-service');
    expect(preselectedKind('customer-link')).toBe('customer-link');
    for (const odd of [undefined, '', 'refund', ['new-card', 'self-service'], 'NEW-CARD']) expect(preselectedKind(odd)).toBe('customer-link');
  });
  it('"please add your card again" lands on the add-card view; a customer link on the portal', () => {
    expect(sentLinkLanding('new-card')).toBe('/pay#add-card');
    expect(sentLinkLanding('customer-link')).toBe('/pay');
  });
  it('asks for a new card for an active legacy Stripe card only', () => {
    expect(wantsNewCard({ gateway: 'stripe', active: true })).toBe(true);
    expect(wantsNewCard({ gateway: 'stripe', active: false })).toBe(false);
    expect(wantsNewCard({ gateway: 'stripe_new', active: true })).toBe(false);
    expect(wantsNewCard({ gateway: 'quickpay', active: true })).toBe(false);
  });
  it('links to the account page’s send form, preselected (the failed-payments page’s contract)', () => {
    expect(sendFormHref('CUST 1/2', 'new-card')).toBe('/staff/accounts/CUST%201%2F2?send=new-card#send');
    expect(sendFormHref('CUST001', 'new-card', 'c0ffee00-0000-4000-8000-000000000001')).toBe(
      '/staff/accounts/CUST001?send=new-card&card=c0ffee00-0000-4000-8000-000000000001#send',
    );
  });
});
