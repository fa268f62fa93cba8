/**
 * The chart's scale: a round top for the amount axis (1, 2 or 5 times a power of ten, in kroner)
 * with its ticks, and which buckets get a date under the axis (at most `most`, evenly spread,
 * the first and the last always).
 */
export function amountTicks(maxMinor: number, count = 4): number[] {
  const maxMajor = Math.max(1, maxMinor / 100);
  const rough = maxMajor / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
  return Array.from({ length: count + 1 }, (_, i) => Math.round(i * step * 100));
}

export function labelledIndexes(length: number, most = 6): number[] {
  if (length <= most) return Array.from({ length }, (_, i) => i);
  const step = (length - 1) / (most - 1);
  return [...new Set(Array.from({ length: most }, (_, i) => Math.round(i * step)))];
}
