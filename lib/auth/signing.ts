import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Compact signed tokens: base64url(JSON payload) "." base64url(HMAC-SHA256). Each purpose
 * (a link, a session) gets its own key derived from the secret, so one can never pass for
 * the other.
 */
export type Purpose = 'link' | 'customer-session' | 'new-link-ask';

/** Derived once per process and secret: every page view verifies a session, and the key never changes. */
const derivedKeys = new Map<string, Buffer>();

function keyFor(secret: string, purpose: Purpose): Buffer {
  const id = `${purpose}\u0000${secret}`;
  let key = derivedKeys.get(id);
  if (!key) {
    key = createHmac('sha256', secret).update(`card-portal:${purpose}:v1`).digest();
    // A few secrets at most (tests use several); never grows with requests.
    if (derivedKeys.size > 16) derivedKeys.clear();
    derivedKeys.set(id, key);
  }
  return key;
}

function mac(secret: string, purpose: Purpose, data: string): Buffer {
  return createHmac('sha256', keyFor(secret, purpose)).update(data).digest();
}

export function signToken(payload: object, secret: string, purpose: Purpose): string {
  const data = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${data}.${mac(secret, purpose, data).toString('base64url')}`;
}

export type Verified = { ok: true; payload: unknown } | { ok: false; reason: 'malformed' | 'tampered' };

/** Checks the signature in constant time, then parses; never trusts the payload before that. */
export function verifyToken(token: string, secret: string, purpose: Purpose): Verified {
  const parts = token.split('.');
  if (parts.length !== 2 || !parts[0] || !parts[1] || token.length > 2048) return { ok: false, reason: 'malformed' };
  const [data, sig] = parts;
  // Compared as text against the canonical encoding: base64url decoding ignores a last
  // character's spare bits, so decoded bytes would accept more than one spelling of a signature.
  const given = Buffer.from(sig);
  const expected = Buffer.from(mac(secret, purpose, data).toString('base64url'));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'tampered' };
  try {
    return { ok: true, payload: JSON.parse(Buffer.from(data, 'base64url').toString('utf8')) };
  } catch {
    return { ok: false, reason: 'malformed' };
  }
}
