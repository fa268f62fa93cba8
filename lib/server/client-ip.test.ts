import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-ip';

describe('the client address for the audit log (TRUST_PROXY_HOPS)', () => {
  it('0 hops: the last entry, which the front door appended from the socket', () => {
    expect(clientAddress('203.0.113.9', 0)).toBe('203.0.113.9');
    expect(clientAddress('6.6.6.6, 203.0.113.9', 0)).toBe('203.0.113.9');
  });

  it('1 hop: what the one trusted proxy saw, never what the client wrote before it', () => {
    expect(clientAddress('6.6.6.6, 198.51.100.7, 10.0.0.2', 1)).toBe('198.51.100.7');
    expect(clientAddress('198.51.100.7, 10.0.0.2', 1)).toBe('198.51.100.7');
  });

  it('fewer entries than hops: unknown (null), not a guess', () => {
    expect(clientAddress('10.0.0.2', 1)).toBeNull();
    expect(clientAddress(null, 0)).toBeNull();
  });

  it('IPv6 and IPv4-mapped addresses are kept as they are', () => {
    expect(clientAddress('::1', 0)).toBe('::1');
    expect(clientAddress('::ffff:127.0.0.1', 0)).toBe('::ffff:127.0.0.1');
  });

  it('reads only the end of a long header: the trusted hops are there', () => {
    expect(clientAddress(`${'x'.repeat(8_000)}, 203.0.113.9`, 0)).toBe('203.0.113.9');
    expect(clientAddress(`${'1.2.3.4, '.repeat(900)}198.51.100.7, 10.0.0.2`, 1)).toBe('198.51.100.7');
  });

  it.each([
    ['free text', 'evil<script>'],
    ['an 8,000-character value', 'x'.repeat(8_000)],
    ['an address with a port', '203.0.113.9:443'],
    ['"unknown" (the socket had gone)', 'unknown'],
  ])('never returns %s', (_, header) => {
    expect(clientAddress(header, 0)).toBeNull();
  });
});
