import { createTranslator } from 'next-intl';
import { describe, expect, it, vi } from 'vitest';
import { log } from '@/lib/log';
import { missingMessageMarker, reportIntlError } from './misses';

describe('a message missing from a catalogue', () => {
  it('shows its key between markers and is logged, instead of throwing', () => {
    const logged = vi.spyOn(log, 'error').mockImplementation(() => {});
    const t = createTranslator({
      locale: 'da',
      messages: { home: { title: 'Kortportal' } },
      onError: reportIntlError,
      getMessageFallback: missingMessageMarker,
    });
    // @ts-expect-error -- a key the (typed) catalogue lacks, as a key built at run time would be
    expect(t('home.lead')).toBe('⟦home.lead⟧');
    expect(t('home.title')).toBe('Kortportal');
    expect(logged).toHaveBeenCalledWith(expect.stringMatching(/^\[i18n\] message missing from the catalogue: .*home\.lead/));
    logged.mockRestore();
  });
});
