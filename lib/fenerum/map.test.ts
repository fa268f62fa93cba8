import { describe, expect, it } from 'vitest';
import { last4Of, toAccount, toPaymentCard, toRecipient } from './map';
import { fenerumAccountSchema, fenerumPaymentCardSchema, fenerumRecipientSchema } from './wire';

const wireCard = {
  uuid: '09655a26-12e0-4a82-8524-7851998886fc',
  active: true,
  brand: 'Visa',
  card_number: 'XXXXXXXXXXXX4242',
  month: 12,
  year: 2025,
  payment_gateway: 'quickpay',
  account: '50e9aa0b-8d35-4da7-9a9b-8a35b11579b2',
};

describe('toPaymentCard', () => {
  it('maps the Fenerum card of the docs to the app card, last4 from card_number', () => {
    expect(toPaymentCard(fenerumPaymentCardSchema.parse(wireCard))).toEqual({
      uuid: '09655a26-12e0-4a82-8524-7851998886fc',
      accountUuid: '50e9aa0b-8d35-4da7-9a9b-8a35b11579b2',
      active: true,
      brand: 'Visa',
      last4: '4242',
      expMonth: 12,
      expYear: 2025,
      gateway: 'quickpay',
    });
  });

  it('never carries a token, even when a Fenerum answer has one (none is documented)', () => {
    expect(toPaymentCard(fenerumPaymentCardSchema.parse({ ...wireCard, token: '123456789' }))).not.toHaveProperty('token');
  });

  it('keeps the last four digits whatever the masking', () => {
    expect(last4Of('XXXXXXXXXXXX4242')).toBe('4242');
    expect(last4Of('**** **** **** 0006')).toBe('0006');
    expect(last4Of('XXXXXXXXXXX1005')).toBe('1005');
    expect(last4Of(null)).toBe('');
  });

  it('tolerates a card without number, brand or expiry (e.g. SEPA) instead of failing the list', () => {
    const card = fenerumPaymentCardSchema.parse({ ...wireCard, brand: null, card_number: null, month: null, year: null });
    expect(toPaymentCard(card)).toMatchObject({ brand: 'Unknown', last4: '', expMonth: 0, expYear: 0 });
  });

  it('refuses a gateway the app does not know, rather than mistyping it', () => {
    expect(fenerumPaymentCardSchema.safeParse({ ...wireCard, payment_gateway: 'nets' }).success).toBe(false);
  });
});

describe('toAccount', () => {
  const base = { uuid: 'u1', code: 'CUST001', company_name: 'Nordlys ApS', language: 'da' };

  it('takes the company name and the language, and no email (addresses are the recipients’)', () => {
    expect(toAccount(base)).toEqual({ uuid: 'u1', code: 'CUST001', name: 'Nordlys ApS', language: 'da', country: null, currency: null });
    // An undocumented billing_email, should Fenerum send one, is dropped at the boundary.
    expect(toAccount(fenerumAccountSchema.parse({ ...base, billing_email: 'faktura@nordlys.dk' }))).not.toHaveProperty('email');
  });

  it('falls back to the code for a missing name and to null for an empty language', () => {
    expect(toAccount({ ...base, company_name: '  ', language: ' ' })).toEqual({
      uuid: 'u1',
      code: 'CUST001',
      name: 'CUST001',
      language: null,
      country: null,
      currency: null,
    });
  });

  it('takes the legal country and the (undocumented) currency as ISO codes, and nothing else', () => {
    expect(toAccount({ ...base, legal_country: ' de ', currency: 'eur' })).toMatchObject({ country: 'DE', currency: 'EUR' });
    // A name instead of a code is unknown, never guessed at.
    expect(toAccount({ ...base, legal_country: 'Germany', currency: 'euro' })).toMatchObject({ country: null, currency: null });
  });
});

describe('toRecipient', () => {
  const wire = {
    uuid: 'r1',
    account: 'u1',
    name: 'Bogholderiet',
    email: ' faktura@nordlys.dk ',
    receive_invoice: true,
    receive_payment_confirmation: false,
    receive_subscription_notifications: false,
  };

  it('reads the address from `email` and the receive_* flags', () => {
    expect(toRecipient(fenerumRecipientSchema.parse(wire))).toEqual({
      id: 'r1',
      account: 'u1',
      name: 'Bogholderiet',
      email: 'faktura@nordlys.dk',
      receiveInvoice: true,
      receivePaymentConfirmation: false,
      receiveSubscriptionNotifications: false,
    });
  });

  it('reads a missing flag as false, and drops a recipient with no usable address rather than the whole list', () => {
    const bare = fenerumRecipientSchema.parse({ account: 'CUST001', email: 'a@b.dk' });
    expect(toRecipient(bare)).toMatchObject({ id: null, account: 'CUST001', name: null, receiveInvoice: false, receivePaymentConfirmation: false });
    for (const email of [null, '', 'not an address']) expect(toRecipient({ ...wire, email })).toBeNull();
  });

  it('refuses a recipient that names no account', () => {
    expect(fenerumRecipientSchema.safeParse({ ...wire, account: '' }).success).toBe(false);
  });
});
