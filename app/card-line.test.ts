import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import da from '@/messages/da.json';
import en from '@/messages/en.json';
import { cardLine, cardName, cardNameDated, type CardText } from './card-line';

const tr = (locale: 'en' | 'da') => createTranslator({ locale, messages: locale === 'en' ? en : da }) as unknown as CardText;
const visa = { brand: 'Visa', last4: '4242', expMonth: 3, expYear: 2034 };
// Fenerum's emulator fills a mandate's expiry in as 12/2099: it must never be shown.
const mandate = { brand: 'SEPA Direct Debit', last4: '3000', expMonth: 12, expYear: 2099 };
const undated = { brand: 'Mastercard', last4: '4444', expMonth: 0, expYear: 0 };

describe('card lines', () => {
  it('name a card with its expiry, in each language', () => {
    expect(cardLine(tr('en'), visa)).toBe('Visa •••• 4242, expires 03/34');
    expect(cardLine(tr('da'), visa)).toBe('Visa •••• 4242, udløber 03/34');
    expect(cardNameDated(tr('en'), visa)).toBe('Visa •••• 4242 (03/34)');
    expect(cardName(tr('en'), visa)).toBe('Visa •••• 4242');
  });

  it('name a SEPA mandate as one, with no expiry', () => {
    for (const line of [cardLine(tr('en'), mandate), cardNameDated(tr('en'), mandate), cardName(tr('en'), mandate)]) {
      expect(line).toBe('SEPA Direct Debit, IBAN •••• 3000');
    }
    expect(cardLine(tr('da'), mandate)).not.toContain('99');
  });

  it('leave out an expiry the provider did not give', () => {
    expect(cardLine(tr('en'), undated)).toBe('Mastercard •••• 4444');
    expect(cardNameDated(tr('en'), undated)).toBe('Mastercard •••• 4444');
  });
});
