import { describe, expect, it } from 'vitest';
import { fromHeader } from './sender';

describe("a customer email's From header", () => {
  it("is the merchant's name on MAIL_FROM's address, whatever name MAIL_FROM carries", () => {
    expect(fromHeader('Nordlys Fiber', 'portal@sandbox.invalid')).toBe('"Nordlys Fiber" <portal@sandbox.invalid>');
    expect(fromHeader('Nordlys Fiber', 'Billing <billing@nordlys.dk>')).toBe('"Nordlys Fiber" <billing@nordlys.dk>');
  });
  it('keeps a name with a comma, a slash or a quote one name, and never a second header line', () => {
    expect(fromHeader('Havblik, A/S "Nord"', 'b@havblik.dk')).toBe('"Havblik, A/S \\"Nord\\"" <b@havblik.dk>');
    expect(fromHeader('Evil\r\nBcc: x@y', 'b@havblik.dk')).toBe('"Evil Bcc: x@y" <b@havblik.dk>');
  });
});
