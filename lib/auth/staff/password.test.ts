import { describe, expect, it } from 'vitest';
import { DUMMY_HASH, hashPassword, passwordProblem, verifyPassword } from './password';

describe('password rules', () => {
  it('refuses fewer than 12 characters, counting characters not bytes', () => {
    expect(passwordProblem('short-pass1')).toBe('too-short');
    expect(passwordProblem('æøåæøåæøåæø')).toBe('too-short');
    expect(passwordProblem('tall-cedar-river')).toBeNull();
  });

  it('refuses common passwords, also padded with digits, and a repeated character', () => {
    expect(passwordProblem('password1234')).toBe('common');
    expect(passwordProblem('qwertyuiop123')).toBe('common');
    expect(passwordProblem('PASSWORD1234!')).toBe('common');
    expect(passwordProblem('aaaaaaaaaaaaaa')).toBe('common');
    expect(passwordProblem('abababababababab')).toBe('common');
  });

  it('refuses more than 256 characters', () => {
    expect(passwordProblem('x'.repeat(120) + 'y'.repeat(137))).toBe('too-long');
  });
});

describe('argon2id', () => {
  it('hashes with argon2id and OWASP parameters, and verifies only the right password', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(stored, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(stored, 'correct horse battery ')).toBe(false);
  });

  it('an unknown user (no hash) is never verified, whatever the password', async () => {
    expect(await verifyPassword(null, 'anything at all here')).toBe(false);
    expect(await verifyPassword(null, '')).toBe(false);
  });

  it('the dummy hash for unknown emails has the parameters of a real one (so it costs the same)', async () => {
    const prefix = (h: string) => h.split('$').slice(0, 4).join('$');
    expect(prefix(DUMMY_HASH)).toBe(prefix(await hashPassword('some-password-here')));
  });

  it('a stored value that is not a hash is a wrong password, not a crash', async () => {
    expect(await verifyPassword('not-a-hash', 'whatever-password')).toBe(false);
  });
});
