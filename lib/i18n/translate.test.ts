import { describe, expect, it } from 'vitest';
import { messages } from './messages';
import { formatExpiry, pickLocale, translator } from './translate';

describe('pickLocale', () => {
  it('follows the cookie first', () => expect(pickLocale('da', 'en-GB')).toBe('da'));
  it('ignores an unknown cookie value', () => expect(pickLocale('xx', 'da-DK,da;q=0.9')).toBe('da'));
  it('takes the browser language by weight', () => expect(pickLocale(undefined, 'de;q=0.9,en;q=0.5,da;q=0.8')).toBe('da'));
  it('falls back to English', () => expect(pickLocale(undefined, 'fr-FR')).toBe('en'));
  it('treats Norwegian readers as Danish readers', () => expect(pickLocale(undefined, 'nb-NO')).toBe('da'));
});

describe('messages', () => {
  it('Danish has every English key and no empty string', () => {
    expect(Object.keys(messages.da).sort()).toEqual(Object.keys(messages.en).sort());
    for (const text of Object.values(messages.da)) expect(text.trim()).not.toBe('');
  });
  it('fills placeholders', () => expect(translator('en')('portal.expires', { date: '12/34' })).toBe('Expires 12/34'));
  it('formats expiry as MM/YY', () => expect(formatExpiry(3, 2034)).toBe('03/34'));
});
