import { describe, expect, it } from 'vitest';
import { signToken, verifyToken } from './signing';

const secret = 'x'.repeat(32);

describe('signed tokens', () => {
  it('round-trips a payload signed with the same secret and purpose', () => {
    const token = signToken({ a: 1 }, secret, 'link');
    expect(verifyToken(token, secret, 'link')).toEqual({ ok: true, payload: { a: 1 } });
  });

  it('refuses a token signed with another secret', () => {
    expect(verifyToken(signToken({ a: 1 }, 'y'.repeat(32), 'link'), secret, 'link')).toEqual({ ok: false, reason: 'tampered' });
  });

  it('refuses a link token presented as a session (keys differ per purpose)', () => {
    expect(verifyToken(signToken({ a: 1 }, secret, 'link'), secret, 'customer-session').ok).toBe(false);
  });

  it('keeps each secret’s key apart though keys are derived once per process (and the store emptied past a few)', () => {
    const secrets = Array.from({ length: 40 }, (_, i) => `${i}`.padEnd(32, 's'));
    const tokens = secrets.map((s) => signToken({ s }, s, 'customer-session'));
    secrets.forEach((s, i) => {
      expect(verifyToken(tokens[i] ?? '', s, 'customer-session')).toEqual({ ok: true, payload: { s } });
      expect(verifyToken(tokens[i] ?? '', secrets[(i + 1) % secrets.length] ?? '', 'customer-session').ok).toBe(false);
      expect(verifyToken(tokens[i] ?? '', s, 'link').ok).toBe(false);
    });
  });

  it('refuses a payload changed after signing', () => {
    const [, sig] = signToken({ acct: 'CUST001' }, secret, 'link').split('.');
    const forged = `${Buffer.from(JSON.stringify({ acct: 'CUST002' })).toString('base64url')}.${sig}`;
    expect(verifyToken(forged, secret, 'link')).toEqual({ ok: false, reason: 'tampered' });
  });

  it('accepts only the canonical spelling of the signature (its last character carries spare bits)', () => {
    const token = signToken({ acct: 'CUST001' }, secret, 'link');
    const [data, sig = ''] = token.split('.');
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    // 32 bytes are 43 characters; the last holds 4 bits and 2 spare: its neighbour in the alphabet decodes alike.
    const last = alphabet.indexOf(sig.slice(-1));
    const variant = `${data}.${sig.slice(0, -1)}${alphabet[last ^ 1]}`;
    expect(Buffer.from(variant.split('.')[1] ?? '', 'base64url')).toEqual(Buffer.from(sig, 'base64url'));
    expect(verifyToken(variant, secret, 'link')).toEqual({ ok: false, reason: 'tampered' });
    expect(verifyToken(token, secret, 'link').ok).toBe(true);
  });

  it.each(['', 'abc', 'a.b.c', '.', 'a.', `${'a'.repeat(3000)}.b`])('calls %j malformed or tampered, never valid', (t) => {
    expect(verifyToken(t, secret, 'link').ok).toBe(false);
  });
});
