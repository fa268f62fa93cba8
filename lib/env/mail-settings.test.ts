import { describe, expect, it } from 'vitest';
import { SANDBOX_MAIL_FROM } from './sandbox-defaults';
import { resolveEnv } from './schema';

const live = {
  FENERUM_API_TOKEN: 'real',
  LINK_SECRET: 'l'.repeat(40),
  PORTAL_API_KEY: 'p'.repeat(20),
  QUICKPAY_API_KEY: 'qp',
  QUICKPAY_PRIVATE_KEY: 'qpp',
  MERCHANT_NAME: 'Havblik A/S',
  MERCHANT_SUPPORT_EMAIL: 'support@havblik.example',
};

describe('mail settings', () => {
  it("in sandbox mode: the sandbox's SMTP server (SANDBOX_PORT + 4) and its sender", () => {
    expect(resolveEnv({}).mail).toEqual({ smtpUrl: 'smtp://127.0.0.1:4104', from: SANDBOX_MAIL_FROM });
    expect(resolveEnv({ SANDBOX_PORT: '16300' }).mail.smtpUrl).toBe('smtp://127.0.0.1:16304');
  });

  it('with live keys and no SMTP_URL: no mail (never the sandbox server)', () => {
    expect(resolveEnv(live).mail.smtpUrl).toBeNull();
  });

  it('takes SMTP_URL and MAIL_FROM; live keys with SMTP_URL need MAIL_FROM', () => {
    const env = resolveEnv({ ...live, SMTP_URL: 'smtps://u:p@mail.example.com:465', MAIL_FROM: 'Billing <billing@example.com>' });
    expect(env.mail).toEqual({ smtpUrl: 'smtps://u:p@mail.example.com:465', from: 'Billing <billing@example.com>' });
    expect(() => resolveEnv({ ...live, SMTP_URL: 'smtp://mail.example.com' })).toThrow(/MAIL_FROM/);
  });

  it('refuses an SMTP_URL that is not smtp:// or smtps://, naming it', () => {
    for (const bad of ['http://mail.example.com', 'mail.example.com:25', 'smtp//x']) expect(() => resolveEnv({ SMTP_URL: bad })).toThrow(/SMTP_URL/);
  });
});
