import { describe, expect, it } from 'vitest';
import { formatExpiry } from './expiry';
import { pickLocale } from './locale';

describe('pickLocale', () => {
  it('follows the cookie first', () => expect(pickLocale('da', 'en-GB')).toBe('da'));
  it('ignores an unknown cookie value', () => expect(pickLocale('xx', 'da-DK,da;q=0.9')).toBe('da'));
  it('takes the browser language by weight', () => expect(pickLocale(undefined, 'de;q=0.9,en;q=0.5,da;q=0.8')).toBe('da'));
  it('falls back to English', () => expect(pickLocale(undefined, 'fr-FR')).toBe('en'));
  it('treats Norwegian readers as Danish readers', () => expect(pickLocale(undefined, 'nb-NO')).toBe('da'));
});

describe('formatExpiry', () => {
  it('writes MM/YY, as the card prints it', () => expect(formatExpiry(3, 2034)).toBe('03/34'));
});
