import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

/** argon2id (the package's default algorithm) with OWASP's parameters: 19 MiB, 2 passes, 1 lane. */
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

const MIN_PASSWORD_LENGTH = 12;
/** Longer than any password a person types; argon2 of a megabyte is a denial of service. */
const MAX_PASSWORD_LENGTH = 256;

export type PasswordProblem = 'too-short' | 'too-long' | 'common';

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
  return common;
}

/** Why a new password is refused, or null: at least 12 characters, at most 256, not a known common password. */
export function passwordProblem(password: string): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'too-short';
  if (password.length > MAX_PASSWORD_LENGTH) return 'too-long';
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) return 'common';
  // "password1234", "qwertyuiop12": a common word padded with digits or repeated is no better.
  const stripped = lower.replace(/[\d\W_]+$/u, '');
  if (stripped.length >= 4 && commonPasswords().has(stripped)) return 'common';
  if (new Set(lower).size <= 2) return 'common';
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

/**
 * A hash of 32 random bytes nobody kept, with the same parameters: an unknown email costs the
 * same verification as a wrong password, from the very first request (nothing to compute first).
 */
export const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$/UvuK/g1JWGRej/i4BlhmA$dXuGagYyy1kZo0tLNoiZe2AzZX5usSil314MDT2knYU';

/** Verifies `password` against `stored`, or against a dummy hash when there is no user (same time, always false). */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (password.length > MAX_PASSWORD_LENGTH) return false;
  const target = stored ?? DUMMY_HASH;
  try {
    const ok = await verify(target, password);
    return stored !== null && ok;
  } catch {
    return false;
  }
}
