import { describe, expect, it } from 'vitest';
import { openSecret, sealSecret } from './secret-box';
import { normalizeRecoveryCode, newRecoveryCode, hashRecoveryCode } from './recovery-codes';

const KEY = 'a-link-secret-of-at-least-32-characters!!';

describe('TOTP secrets at rest', () => {
  it('sealed secrets open with the key, not without it, and are not the secret in the clear', () => {
    const sealed = sealSecret('KVKFKRCPNZQUYMLX', KEY);
    expect(sealed).not.toContain('KVKFKRCPNZQUYMLX');
    expect(openSecret(sealed, KEY)).toBe('KVKFKRCPNZQUYMLX');
    expect(openSecret(sealed, `${KEY}x`)).toBeNull();
    expect(sealSecret('KVKFKRCPNZQUYMLX', KEY)).not.toBe(sealed);
  });

  it('an altered or malformed value does not open', () => {
    const [v, iv, data, tag] = sealSecret('KVKFKRCPNZQUYMLX', KEY).split('.');
    const flipped = `${data?.[0] === 'A' ? 'B' : 'A'}${data?.slice(1)}`;
    expect(openSecret([v, iv, flipped, tag].join('.'), KEY)).toBeNull();
    expect(openSecret('v1.x', KEY)).toBeNull();
    expect(openSecret('', KEY)).toBeNull();
  });
});

describe('recovery codes', () => {
  it('look like xxxxx-xxxxx and are typed back case- and dash-insensitively', () => {
    const code = newRecoveryCode();
    expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect(normalizeRecoveryCode(code.toUpperCase().replace('-', ' '))).toBe(code.replace('-', ''));
    expect(hashRecoveryCode(code.replace('-', ''))).toMatch(/^[0-9a-f]{64}$/);
  });

  it('anything else is not a recovery code', () => {
    expect(normalizeRecoveryCode('123456')).toBeNull();
    expect(normalizeRecoveryCode('abcde-fghij-k')).toBeNull();
    expect(normalizeRecoveryCode("abcde-fg'ij")).toBeNull();
  });
});
