import { describe, expect, it } from 'vitest';
import { amountTicks, labelledIndexes } from './chart-scale';

describe('the reconciliation chart’s scale', () => {
  it('rounds the amount axis up to 1, 2 or 5 times a power of ten, ticks from zero', () => {
    expect(amountTicks(1_234_500)).toEqual([0, 500_000, 1_000_000, 1_500_000, 2_000_000]); // 12 345 kr → top 20 000 kr
    expect(amountTicks(39_900)).toEqual([0, 10_000, 20_000, 30_000, 40_000]);
    const top = amountTicks(987_654_321).at(-1) ?? 0;
    expect(top).toBeGreaterThanOrEqual(987_654_321);
  });

  it('an empty chart still has a scale', () => {
    expect(amountTicks(0).at(-1)).toBeGreaterThan(0);
  });

  it('dates under at most six bars, the first and the last always', () => {
    expect(labelledIndexes(3)).toEqual([0, 1, 2]);
    const many = labelledIndexes(31);
    expect(many).toHaveLength(6);
    expect(many[0]).toBe(0);
    expect(many.at(-1)).toBe(30);
  });
});
