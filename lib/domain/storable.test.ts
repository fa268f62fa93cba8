import { describe, expect, it } from 'vitest';
import { hasUnstorableText, toStorable, unstorableIn, unstorableText } from './storable';

describe('one rule for text the database can store', () => {
  it('refuses a NUL and an unpaired surrogate, high or low, anywhere in a string', () => {
    expect(unstorableText('a\u0000b')).toBe('nul');
    expect(unstorableText('\ud800')).toBe('lone-surrogate');
    expect(unstorableText('x\ud800y')).toBe('lone-surrogate');
    expect(unstorableText('\udc00')).toBe('lone-surrogate');
    expect(unstorableText('\udc00\ud800')).toBe('lone-surrogate');
  });

  it('takes every valid string: paired surrogates (emoji), Danish, empty', () => {
    for (const ok of ['', 'Søren Ærø', '😀 card 💳', '\ud83d\ude00', 'tab\tand\nnewline']) expect(unstorableText(ok)).toBeNull();
  });

  it('looks into nested values and keys, in JSON parsed from the wire', () => {
    expect(unstorableIn(JSON.parse('{"data": {"x": ["ok", "\\ud800"]}}'))).toBe('lone-surrogate');
    expect(unstorableIn(JSON.parse('{"k\\u0000": 1}'))).toBe('nul');
    expect(unstorableIn(JSON.parse('{"\\udfff": 1}'))).toBe('lone-surrogate');
    expect(hasUnstorableText({ a: [1, null, true, { b: 'fine 😀' }] })).toBe(false);
  });

  it('toStorable replaces what cannot be stored with U+FFFD and keeps the rest', () => {
    const stored = toStorable({ event: 'x', data: { id: 'pi_\ud800', ['k\u0000']: ['a\udc00b', 2, '😀'] } });
    expect(stored).toEqual({ event: 'x', data: { id: 'pi_\ufffd', ['k\ufffd']: ['a\ufffdb', 2, '😀'] } });
    expect(hasUnstorableText(stored)).toBe(false);
  });
});
