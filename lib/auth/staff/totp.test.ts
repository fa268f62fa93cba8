import { describe, expect, it } from 'vitest';
import { acceptedStep, newTotpSecret, secondsLeft, stepAt, totpCode, totpUri } from './totp';

const SECRET = 'KVKFKRCPNZQUYMLXOVYDSQKJKZDTSRLD';
const T = 1_800_000_015_000; // 15 s into a step

describe('TOTP (RFC 6238, 30 s, 6 digits)', () => {
  it('matches the RFC 6238 SHA-1 test vector', () => {
    // RFC 6238 appendix B: secret "12345678901234567890", T = 59 s → 94287082 (8 digits); 6 digits: 287082
    const rfcSecret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    expect(totpCode(rfcSecret, 59_000)).toBe('287082');
  });

  it('accepts the code of this step and of the steps either side, not two away', () => {
    const now = stepAt(T);
    expect(acceptedStep(SECRET, totpCode(SECRET, T), T, null)).toBe(now);
    expect(acceptedStep(SECRET, totpCode(SECRET, T - 30_000), T, null)).toBe(now - 1);
    expect(acceptedStep(SECRET, totpCode(SECRET, T + 30_000), T, null)).toBe(now + 1);
    expect(acceptedStep(SECRET, totpCode(SECRET, T - 60_000), T, null)).toBeNull();
    expect(acceptedStep(SECRET, totpCode(SECRET, T + 60_000), T, null)).toBeNull();
  });

  it('never accepts a code twice: not the same step, nor an older one', () => {
    const code = totpCode(SECRET, T);
    const step = acceptedStep(SECRET, code, T, null);
    expect(step).not.toBeNull();
    expect(acceptedStep(SECRET, code, T, step)).toBeNull();
    expect(acceptedStep(SECRET, totpCode(SECRET, T - 30_000), T, step)).toBeNull();
    expect(acceptedStep(SECRET, totpCode(SECRET, T + 30_000), T, step)).toBe((step ?? 0) + 1);
  });

  it('takes spaces in a typed code, refuses anything not six digits', () => {
    const code = totpCode(SECRET, T);
    expect(acceptedStep(SECRET, `${code.slice(0, 3)} ${code.slice(3)}`, T, null)).toBe(stepAt(T));
    expect(acceptedStep(SECRET, code.slice(0, 5), T, null)).toBeNull();
    expect(acceptedStep(SECRET, `${code}0`, T, null)).toBeNull();
    expect(acceptedStep(SECRET, 'abcdef', T, null)).toBeNull();
  });

  it('a code for another secret is refused', () => {
    expect(acceptedStep(newTotpSecret(), totpCode(SECRET, T), T, null)).toBeNull();
  });

  it('new secrets are 160 bits of base32; the URI names issuer and user', () => {
    expect(newTotpSecret()).toMatch(/^[A-Z2-7]{32}$/);
    expect(totpUri(SECRET, 'a@b.test')).toMatch(/^otpauth:\/\/totp\/Card%20portal:a%40b\.test\?.*secret=KVKF/);
    expect(secondsLeft(T)).toBe(15);
  });
});
