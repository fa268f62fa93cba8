/** "7d", "12h", "30m", "45s" → milliseconds; null when it is not one of those. */
export function parseDuration(text: string): number | null {
  const m = /^(\d{1,4})([smhd])$/.exec(text.trim());
  if (!m) return null;
  const unit = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 's' | 'm' | 'h' | 'd'];
  const ms = Number(m[1]) * unit;
  return ms > 0 ? ms : null;
}

export const DEFAULT_LINK_LIFETIME = '7d';
/** A link that lives longer than this is a standing password; refuse it. */
export const MAX_LINK_LIFETIME_MS = 90 * 86_400_000;
