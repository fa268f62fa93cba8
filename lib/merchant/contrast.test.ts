import { describe, expect, it } from 'vitest';
import { contrastRatio, readableAccent, READABLE } from './contrast';

describe('the brand colour as the accent', () => {
  it('measures contrast as WCAG does', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#fff', '#ffffff')).toBeCloseTo(1, 5);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('keeps a dark enough brand colour as it is', () => {
    expect(readableAccent('#0f766e', '#f6f7f9')).toBe('#0f766e');
    expect(readableAccent('#1f3a5f', '#f6f7f9')).toBe('#1f3a5f');
  });

  it('darkens a pale one, hue kept, until text on it and in it reads at 4.5:1', () => {
    for (const pale of ['#ffd500', '#7dd3fc', '#ffffff', '#f0f']) {
      const accent = readableAccent(pale, '#f6f7f9');
      expect(accent).not.toBe(pale);
      expect(contrastRatio(accent, '#ffffff')).toBeGreaterThanOrEqual(READABLE);
      expect(contrastRatio(accent, '#f6f7f9')).toBeGreaterThanOrEqual(READABLE);
    }
    const yellow = readableAccent('#ffd500', '#f6f7f9');
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(yellow.slice(i, i + 2), 16));
    expect(r).toBeGreaterThan(g ?? 0);
    expect(b).toBe(0);
  });
});
