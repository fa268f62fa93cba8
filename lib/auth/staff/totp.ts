import { Secret, TOTP } from 'otpauth';

/** RFC 6238: SHA-1, 6 digits, 30-second steps; a code from the step before or after is accepted. */
const PERIOD = 30;
const DIGITS = 6;
const WINDOW = 1;
const TOTP_ISSUER = 'Card portal';

function totpFor(secretBase32: string, label = 'staff'): TOTP {
  return new TOTP({ issuer: TOTP_ISSUER, label, algorithm: 'SHA1', digits: DIGITS, period: PERIOD, secret: Secret.fromBase32(secretBase32) });
}

/** A new random secret (160 bits), base32 as authenticator apps take it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// address an authenticator app scans. */
export function totpUri(secretBase32: string, email: string): string {
  return totpFor(secretBase32, email).toString();
}

/** The code for the time `nowMs` (the sandbox home page shows it; tests type it). */
export function totpCode(secretBase32: string, nowMs: number): string {
  return totpFor(secretBase32).generate({ timestamp: nowMs });
}

export function stepAt(nowMs: number): number {
  return Math.floor(nowMs / 1000 / PERIOD);
}

/** Seconds until the code for `nowMs` changes. */
export function secondsLeft(nowMs: number): number {
  return PERIOD - (Math.floor(nowMs / 1000) % PERIOD);
}

/**
 * The time step a code belongs to, if it is valid at `nowMs` (±1 step) and newer than
 * `lastStep` (the step last accepted: a code is never accepted twice); else null.
 */
export function acceptedStep(secretBase32: string, code: string, nowMs: number, lastStep: number | null): number | null {
  const clean = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(clean)) return null;
  const delta = totpFor(secretBase32).validate({ token: clean, timestamp: nowMs, window: WINDOW });
  if (delta === null) return null;
  const step = stepAt(nowMs) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}
