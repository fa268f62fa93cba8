import { describe, expect, it } from 'vitest';
import type { Recipient } from '@/lib/fenerum/types';
import { MAX_MAIL_RECIPIENTS, mailRecipients } from './recipients';

const r = (
  email: string,
  flags: Partial<Pick<Recipient, 'receiveInvoice' | 'receivePaymentConfirmation' | 'receiveSubscriptionNotifications'>> = {},
): Recipient => ({
  id: null,
  account: 'u1',
  name: null,
  email,
  receiveInvoice: false,
  receivePaymentConfirmation: false,
  receiveSubscriptionNotifications: false,
  ...flags,
});

describe('mailRecipients', () => {
  it('chooses the recipients who take payment confirmations, and only them while any does', () => {
    const list = [
      r('invoice@a.dk', { receiveInvoice: true }),
      r('pay@a.dk', { receivePaymentConfirmation: true }),
      r('both@a.dk', { receiveInvoice: true, receivePaymentConfirmation: true }),
    ];
    expect(mailRecipients(list).map((x) => x.email)).toEqual(['pay@a.dk', 'both@a.dk']);
  });

  it('falls back to the invoice recipients when nobody takes payment confirmations', () => {
    const list = [r('subs@a.dk', { receiveSubscriptionNotifications: true }), r('invoice@a.dk', { receiveInvoice: true })];
    expect(mailRecipients(list).map((x) => x.email)).toEqual(['invoice@a.dk']);
  });

  it('never chooses a recipient who takes neither (subscription notices only, or nothing)', () => {
    expect(mailRecipients([r('subs@a.dk', { receiveSubscriptionNotifications: true }), r('none@a.dk')])).toEqual([]);
    expect(mailRecipients([])).toEqual([]);
  });

  it('one address once, whatever its case, and at most a handful', () => {
    const same = [r('Pay@A.dk', { receivePaymentConfirmation: true }), r('pay@a.dk', { receivePaymentConfirmation: true })];
    expect(mailRecipients(same)).toHaveLength(1);
    const many = Array.from({ length: 12 }, (_, i) => r(`p${i}@a.dk`, { receivePaymentConfirmation: true }));
    expect(mailRecipients(many)).toHaveLength(MAX_MAIL_RECIPIENTS);
  });
});
