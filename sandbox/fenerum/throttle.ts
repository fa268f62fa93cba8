/**
 * The rate limit, as Django REST framework's SimpleRateThrottle (UserRateThrottle) does it:
 * a sliding window over the times of the requests it let through; a refused request is not
 * recorded. Over the limit, the wait is until the oldest recorded request leaves the window.
 */
const WINDOW_MS = 60_000;

export type ThrottleResult = { allowed: true } | { allowed: false; waitSeconds: number };

export function throttle(history: number[], nowMs: number, perMinute: number): ThrottleResult {
  while (history.length > 0 && (history[0] ?? 0) <= nowMs - WINDOW_MS) history.shift();
  if (history.length < perMinute) {
    history.push(nowMs);
    return { allowed: true };
  }
  const oldest = history[0] ?? nowMs;
  // DRF: remaining duration / available requests (1 when full), rounded up for the header.
  return { allowed: false, waitSeconds: Math.max(1, Math.ceil((oldest + WINDOW_MS - nowMs) / 1000)) };
}

/** DRF's wording, singular and plural. */
export function throttledDetail(waitSeconds: number): string {
  return `Request was throttled. Expected available in ${waitSeconds} second${waitSeconds === 1 ? '' : 's'}.`;
}
