import { createHash, timingSafeEqual } from 'node:crypto';

/** True when the request carries `Authorization: Bearer <expected>`; compared in constant time. */
export function hasBearer(req: Request, expected: string): boolean {
  const header = req.headers.get('authorization') ?? '';
  const m = /^Bearer (.+)$/.exec(header);
  if (!m?.[1]) return false;
  // Hash both sides so the comparison takes the same time whatever the lengths.
  const a = createHash('sha256').update(m[1]).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
