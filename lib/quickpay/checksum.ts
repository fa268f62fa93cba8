import { createHmac, timingSafeEqual } from 'node:crypto';

/** QuickPay-Checksum-Sha256: hex HMAC-SHA256 of the raw body, keyed with the private key. */
export function quickpayChecksum(rawBody: string | Buffer, privateKey: string): string {
  return createHmac('sha256', privateKey).update(rawBody).digest('hex');
}

/** Constant-time check of a callback's checksum header; false when missing or malformed. */
export function verifyQuickpayChecksum(rawBody: string | Buffer, header: string | null, privateKey: string): boolean {
  // No key (QuickPay off): nothing verifies, not even a body signed with an empty key.
  if (!privateKey || !header || !/^[0-9a-f]{64}$/i.test(header)) return false;
  const expected = Buffer.from(quickpayChecksum(rawBody, privateKey), 'hex');
  const given = Buffer.from(header, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
