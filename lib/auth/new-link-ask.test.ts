import { describe, expect, it } from 'vitest';
import { signLinkToken } from './link-token';
import { ASK_LIFETIME_SECONDS, askForSession, checkAsk, signAsk } from './new-link-ask';
import { signSession } from './session-token';

const secret = 's'.repeat(32);
const now = 1_800_000_000_000;

describe('the new-link form’s signed value', () => {
  it('names the account it was made for, for an hour', () => {
    const value = signAsk({ accountCode: 'CUST001', linkId: 'l1', landing: '/pay/approve/pi_abc123' }, secret, now);
    expect(checkAsk(value, secret, now)).toEqual({ accountCode: 'CUST001', linkId: 'l1', landing: '/pay/approve/pi_abc123' });
    expect(checkAsk(value, secret, now + (ASK_LIFETIME_SECONDS - 1) * 1000)).not.toBeNull();
    expect(checkAsk(value, secret, now + ASK_LIFETIME_SECONDS * 1000)).toBeNull();
  });

  it('names no account when changed, signed with another secret, or another kind of token', () => {
    const value = askForSession({ accountCode: 'CUST001', linkId: 'l1' }, secret, now);
    const [data = '', sig = ''] = value.split('.');
    const payload = JSON.parse(Buffer.from(data, 'base64url').toString()) as Record<string, unknown>;
    const changed = `${Buffer.from(JSON.stringify({ ...payload, acct: 'CUST002' })).toString('base64url')}.${sig}`;
    expect(checkAsk(changed, secret, now)).toBeNull();
    expect(checkAsk(value, 't'.repeat(32), now)).toBeNull();
    const exp = Math.floor(now / 1000) + 600;
    expect(checkAsk(signLinkToken({ lid: 'l1', acct: 'CUST001', exp }, secret), secret, now)).toBeNull();
    expect(checkAsk(signSession({ linkId: 'l1', accountCode: 'CUST001', accountUuid: 'u', expiresAt: exp }, secret), secret, now)).toBeNull();
    expect(checkAsk('', secret, now)).toBeNull();
  });

  it('drops a landing page the allowlist does not hold', () => {
    const value = signAsk({ accountCode: 'CUST001', linkId: 'l1', landing: 'https://evil.example/' }, secret, now);
    expect(checkAsk(value, secret, now)).toEqual({ accountCode: 'CUST001', linkId: 'l1' });
  });
});
