/** Delay before attempt n+1 (n ≥ 1): 5 s doubling to 30 min, with jitter so instances spread out. */
function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(5_000 * 2 ** Math.max(0, attempts - 1), 30 * 60_000);
  return Math.round(base * (0.75 + random() * 0.5));
}

/** Fenerum's Retry-After wins when it asks for longer than our own backoff. */
export function nextDelayMs(attempts: number, retryAfterSeconds: number | undefined, random?: () => number): number {
  return Math.max(retryDelayMs(attempts, random), (retryAfterSeconds ?? 0) * 1000);
}
