import { z } from 'zod';
import { signToken, verifyToken } from './signing';

const linkPayload = z.object({
  v: z.literal(1),
  lid: z.string().min(1),
  acct: z.string().min(1),
  exp: z.number().int(),
  /** Where the link lands once the session is set (lib/auth/landing.ts allowlist); absent: the portal. */
  to: z.string().max(200).optional(),
});
export type LinkPayload = z.infer<typeof linkPayload>;

export function signLinkToken(p: Omit<LinkPayload, 'v'>, secret: string): string {
  return signToken({ v: 1, ...p }, secret, 'link');
}

export type LinkCheck = { ok: true; payload: LinkPayload } | { ok: false; reason: 'malformed' | 'tampered' | 'expired' };

/**
 * A link token this app signed, whatever its age: what an expired link was for (the account it
 * may ask a new link for, lib/auth/new-link-ask.ts), never a way in. Null when not ours.
 */
export function readLinkTokenAnyAge(token: string, secret: string): LinkPayload | null {
  const v = verifyToken(token, secret, 'link');
  if (!v.ok) return null;
  const parsed = linkPayload.safeParse(v.payload);
  return parsed.success ? parsed.data : null;
}

/** Signature first, then shape, then expiry. Revocation needs the database: see openLink. */
export function checkLinkToken(token: string, secret: string, now: number): LinkCheck {
  const v = verifyToken(token, secret, 'link');
  if (!v.ok) return v;
  const parsed = linkPayload.safeParse(v.payload);
  if (!parsed.success) return { ok: false, reason: 'malformed' };
  if (parsed.data.exp * 1000 <= now) return { ok: false, reason: 'expired' };
  return { ok: true, payload: parsed.data };
}
