/** How long a staff session lives: idle and absolute limits, and the short window between password and second factor. */
export type SessionLimits = { idleMinutes: number; maxHours: number };

/** Between the password and the TOTP code (or enrolment): ten minutes, then the password again. */
export const PENDING_MINUTES = 10;
/** A session's last-seen time is written at most this often (not on every request). */
const TOUCH_EVERY_MS = 60_000;

const MINUTE = 60_000;

export function sessionTimes(nowMs: number, limits: SessionLimits, pending: boolean): { expiresAt: Date; idleExpiresAt: Date } {
  const absolute = nowMs + (pending ? PENDING_MINUTES * MINUTE : limits.maxHours * 60 * MINUTE);
  const idle = Math.min(absolute, nowMs + (pending ? PENDING_MINUTES : limits.idleMinutes) * MINUTE);
  return { expiresAt: new Date(absolute), idleExpiresAt: new Date(idle) };
}

export function isLive(s: { expiresAt: Date; idleExpiresAt: Date }, nowMs: number): boolean {
  return nowMs < s.expiresAt.getTime() && nowMs < s.idleExpiresAt.getTime();
}

/** The idle expiry after activity at `nowMs`, never past the absolute one; null when it need not be written yet (within a minute, or half an idle limit shorter than two). */
export function touchedIdleExpiry(s: { expiresAt: Date; lastSeenAt: Date }, nowMs: number, limits: SessionLimits): Date | null {
  if (nowMs - s.lastSeenAt.getTime() < Math.min(TOUCH_EVERY_MS, (limits.idleMinutes * MINUTE) / 2)) return null;
  return new Date(Math.min(s.expiresAt.getTime(), nowMs + limits.idleMinutes * MINUTE));
}
