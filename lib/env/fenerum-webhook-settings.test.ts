import { describe, expect, it } from 'vitest';
import { sandboxSecrets } from './sandbox-defaults';
import { resolveEnv } from './schema';

const live = {
  LINK_SECRET: 'l'.repeat(40),
  PORTAL_API_KEY: 'k'.repeat(20),
  FENERUM_API_TOKEN: 'real-token',
  STRIPE_SECRET_KEY: 'sk_live_x',
  NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: 'pk_live_x',
  STRIPE_WEBHOOK_SECRET: 'whsec_own',
  MERCHANT_NAME: 'Havblik A/S',
  MERCHANT_SUPPORT_EMAIL: 'support@havblik.example',
};

describe("Fenerum's webhook credentials", () => {
  it('sandbox mode: the sandbox credentials (the sandbox Fenerum sends them)', () => {
    const env = resolveEnv({});
    expect(env.fenerum).toMatchObject({ webhookUsername: sandboxSecrets.FENERUM_WEBHOOK_USERNAME, webhookPassword: sandboxSecrets.FENERUM_WEBHOOK_PASSWORD });
  });
  it('live keys and no credentials: none at all (every delivery refused), never the published ones', () => {
    expect(resolveEnv(live).fenerum).toMatchObject({ webhookUsername: '', webhookPassword: '' });
  });
  it('live keys with your own credentials: those', () => {
    const env = resolveEnv({ ...live, FENERUM_WEBHOOK_USERNAME: 'fen', FENERUM_WEBHOOK_PASSWORD: 'own-secret' });
    expect(env.fenerum).toMatchObject({ webhookUsername: 'fen', webhookPassword: 'own-secret' });
  });
  it('live keys with the sandbox password: refused at start, naming the variable', () => {
    expect(() => resolveEnv({ ...live, FENERUM_WEBHOOK_PASSWORD: sandboxSecrets.FENERUM_WEBHOOK_PASSWORD })).toThrow(/FENERUM_WEBHOOK_PASSWORD/);
  });
});
