import { describe, expect, it } from 'vitest';
import { senderName, supportContact } from './sender-name';

describe('the merchant name a staff-sent email carries', () => {
  it('is the display name of the sender address', () => {
    expect(senderName('Card portal <portal@sandbox.invalid>')).toBe('Card portal');
    expect(senderName('"Nordlys Billing" <billing@nordlys.dk>')).toBe('Nordlys Billing');
  });
  it('is the address’s domain when the sender has no display name', () => {
    expect(senderName('billing@nordlys.dk')).toBe('nordlys.dk');
    expect(senderName('<billing@nordlys.dk>')).toBe('nordlys.dk');
  });
});

describe('supportContact', () => {
  it('names the sender and its address, or the address alone', () => {
    expect(supportContact('Nordlys Billing <billing@nordlys.dk>')).toBe('Nordlys Billing (billing@nordlys.dk)');
    expect(supportContact('billing@nordlys.dk')).toBe('billing@nordlys.dk');
  });
});
