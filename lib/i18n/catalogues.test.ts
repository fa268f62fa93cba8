import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import da from '@/messages/da.json';
import en from '@/messages/en.json';
import { formatExpiry } from './expiry';

type Tree = { [key: string]: string | Tree };

/** Every message of a catalogue by its full key ("portal.expires"). */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

/** The ICU arguments a message takes ("{brand}", and those inside plurals and selects), sorted. */
function placeholders(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
      names.add(el.value);
      if (el.type === TYPE.plural || el.type === TYPE.select) for (const option of Object.values(el.options)) walk(option.value);
      if (el.type === TYPE.tag) walk(el.children);
    }
  };
  walk(parse(message));
  return [...names].sort();
}

const catalogues = { en: flatten(en), da: flatten(da) };

describe('the message catalogues', () => {
  it('have exactly the same keys in English and Danish', () => {
    expect([...catalogues.da.keys()].sort()).toEqual([...catalogues.en.keys()].sort());
  });

  it('take the same placeholders in both languages, and no message is empty', () => {
    for (const [key, english] of catalogues.en) {
      const danish = catalogues.da.get(key) ?? '';
      expect(danish.trim(), key).not.toBe('');
      expect(placeholders(danish), key).toEqual(placeholders(english));
    }
  });

  it('fill placeholders through next-intl', () => {
    const date = formatExpiry(12, 2034);
    expect(createTranslator({ locale: 'en', messages: en, namespace: 'portal' })('expires', { date })).toBe('Expires 12/34');
    expect(createTranslator({ locale: 'da', messages: da })('card.saved', { brand: 'Visa', last4: '4242', date })).toBe(
      'Kortet er gemt: Visa •••• 4242, udløber 12/34',
    );
  });

  it('are typed: a key that is not in the catalogue does not compile', () => {
    const t = createTranslator({ locale: 'en', messages: en });
    // @ts-expect-error -- no such key; tsc fails on this line if keys are ever untyped
    expect(t.has('portal.noSuchKey')).toBe(false);
  });
});
