import { isIP } from 'node:net';

/** The longest textual IP address (IPv6 with an embedded IPv4); anything longer is not one. */
const MAX_IP_LENGTH = 45;
/** How much of X-Forwarded-For is looked at (its end, where the trusted hops are): never 8,000 characters. */
const MAX_HEADER_LENGTH = 1024;

/**
 * The client's address, for the audit log's "from where": the entry `trustedHops` from the
 * right of X-Forwarded-For. The front door (lib/server/front-door.ts) appends the socket's
 * address under `next start`, so the last entry is the peer that connected to us, and each
 * trusted proxy in front of us appended the one before. With 0 hops that is the socket; with
 * 1, what the one proxy saw. Anything a client wrote further left is never taken. The result
 * is a valid IP address or null: never a client's free text.
 */
export function clientAddress(forwardedFor: string | null, trustedHops: number): string | null {
  if (!forwardedFor) return null;
  const cut = forwardedFor.length > MAX_HEADER_LENGTH;
  const hops = forwardedFor
    .slice(-MAX_HEADER_LENGTH)
    .split(',')
    .map((s) => s.trim());
  if (cut) hops.shift(); // the first entry of the tail may be a fragment
  const candidate = hops[hops.length - 1 - trustedHops];
  if (!candidate || candidate.length > MAX_IP_LENGTH) return null;
  return isIP(candidate) ? candidate : null;
}
