import { describe, expect, it } from 'vitest';
import { addressKey } from './address-key';

describe('the per-address limit’s key', () => {
  it('an IPv4 address is itself', () => {
    expect(addressKey('192.0.2.7')).toBe('192.0.2.7');
  });

  it('every address of one IPv6 /64 is the same key; the next /64 is another', () => {
    const a = addressKey('2001:db8:1:2::1');
    expect(a).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:ffff:ffff:ffff:fffe')).toBe(a);
    expect(addressKey('2001:DB8:1:2:abcd::9')).toBe(a);
    expect(addressKey('2001:db8:1:3::1')).not.toBe(a);
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });

  it('an IPv4-mapped IPv6 address is its IPv4 address', () => {
    expect(addressKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('::FFFF:c000:0207')).toBe('192.0.2.7');
    expect(addressKey('0:0:0:0:0:ffff:192.0.2.7')).toBe('192.0.2.7');
  });

  it('no address, or text that is not one, has no key', () => {
    expect(addressKey(null)).toBeNull();
    expect(addressKey('')).toBeNull();
    expect(addressKey('not-an-ip')).toBeNull();
    expect(addressKey('2001:db8::1::2')).toBeNull();
  });
});
