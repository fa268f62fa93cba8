import { createHash, timingSafeEqual } from 'node:crypto';

/** Fixed-length digests, so neither the comparison's time nor an early length check tells a caller how close a guess was. */
const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/**
 * Whether an `Authorization` header is HTTP Basic with exactly this username and password,
 * compared in constant time (both compared always, so a right username is not told apart).
 */
export function basicAuthMatches(header: string | null, username: string, password: string): boolean {
  if (!username || !password || !header) return false;
  const match = /^Basic\s+([A-Za-z0-9+/=]{1,1024})\s*$/i.exec(header);
  if (!match?.[1]) return false;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return false;
  const userOk = timingSafeEqual(digest(decoded.slice(0, colon)), digest(username));
  const passOk = timingSafeEqual(digest(decoded.slice(colon + 1)), digest(password));
  return userOk && passOk;
}
