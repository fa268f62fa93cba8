import { createHash, randomInt } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/lib/db/connect';
import { staffRecoveryCodes } from '@/lib/db/schema';

const RECOVERY_CODE_COUNT = 10;
/** No 0/o, 1/l/i: a code copied from paper is read right. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** "xxxxx-xxxxx": 10 characters of 31, about 50 bits, plenty for a code that works once and is rate-limited. */
export function newRecoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** The code as stored: lower-cased, without spaces or dashes, then SHA-256. */
export function normalizeRecoveryCode(code: string): string | null {
  const clean = code.toLowerCase().replace(/[\s-]+/g, '');
  return /^[a-z0-9]{10}$/.test(clean) ? clean : null;
}

export function hashRecoveryCode(normalized: string): string {
  return createHash('sha256').update(`staff-recovery:${normalized}`).digest('hex');
}

/** Replaces a user's recovery codes with ten new ones; returns them (shown once, never stored in the clear). */
export async function replaceRecoveryCodes(db: Db, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await db.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, userId));
  await db.insert(staffRecoveryCodes).values(codes.map((c) => ({ userId, codeHash: hashRecoveryCode(normalizeRecoveryCode(c) ?? c) })));
  return codes;
}

/** Uses a recovery code: true once for each code (the UPDATE decides, so two instances cannot both take it). */
export async function spendRecoveryCode(db: Db, userId: string, code: string, nowMs: number): Promise<boolean> {
  const normalized = normalizeRecoveryCode(code);
  if (!normalized) return false;
  const used = await db
    .update(staffRecoveryCodes)
    .set({ usedAt: new Date(nowMs) })
    .where(and(eq(staffRecoveryCodes.userId, userId), eq(staffRecoveryCodes.codeHash, hashRecoveryCode(normalized)), isNull(staffRecoveryCodes.usedAt)))
    .returning({ id: staffRecoveryCodes.id });
  return used.length > 0;
}
