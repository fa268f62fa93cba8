import { z } from 'zod';
import { signToken, verifyToken } from './signing';

export const SESSION_COOKIE = 'portal_session';
/** A customer session ends with its link, and within this time at the latest. */
export const MAX_SESSION_SECONDS = 12 * 3600;

const sessionPayload = z.object({
  v: z.literal(1),
  lid: z.string().min(1),
  acct: z.string().min(1),
  auuid: z.string().min(1),
  exp: z.number().int(),
});
export type CustomerSession = { linkId: string; accountCode: string; accountUuid: string; expiresAt: number };

export function signSession(s: CustomerSession, secret: string): string {
  return signToken({ v: 1, lid: s.linkId, acct: s.accountCode, auuid: s.accountUuid, exp: s.expiresAt }, secret, 'customer-session');
}

export function readSession(value: string | undefined, secret: string, now: number): CustomerSession | null {
  if (!value) return null;
  const v = verifyToken(value, secret, 'customer-session');
  if (!v.ok) return null;
  const p = sessionPayload.safeParse(v.payload);
  if (!p.success || p.data.exp * 1000 <= now) return null;
  return { linkId: p.data.lid, accountCode: p.data.acct, accountUuid: p.data.auuid, expiresAt: p.data.exp };
}
