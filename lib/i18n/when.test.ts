import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { formatWhen, TIME_ZONE, WHEN } from './when';

describe('formatWhen', () => {
  it('tells a moment in Copenhagen time with its zone, winter and summer, in both languages', () => {
    expect(formatWhen(new Date('2026-12-06T07:30:00Z'), 'da')).toBe('6. dec. 2026, 08.30 CET');
    expect(formatWhen(new Date('2026-07-01T07:30:00Z'), 'en')).toBe('1 Jul 2026, 09:30 CEST');
  });

  it('is the format a message names as {at, date, when}', () => {
    const t = createTranslator({ locale: 'da', timeZone: TIME_ZONE, formats: { dateTime: { when: WHEN } }, messages: { m: 'Åbnet {at, date, when}' } });
    expect(t('m', { at: new Date('2026-12-06T07:30:00Z') })).toBe('Åbnet 6. dec. 2026, 08.30 CET');
  });
});
