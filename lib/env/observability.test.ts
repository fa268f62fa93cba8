import { describe, expect, it } from 'vitest';
import { logLevelFrom } from './observability';
import { sandboxSecrets } from './sandbox-defaults';
import { resolveEnv } from './schema';

const live = {
  LINK_SECRET: 'l'.repeat(40),
  PORTAL_API_KEY: 'k'.repeat(20),
  MERCHANT_NAME: 'Havblik A/S',
  MERCHANT_SUPPORT_EMAIL: 'support@havblik.example',
  FENERUM_API_TOKEN: 'real',
  QUICKPAY_API_KEY: 'qp',
  QUICKPAY_PRIVATE_KEY: 'qp-private',
};

describe('LOG_LEVEL', () => {
  it('is info unless set; takes pino level names in any case; refuses anything else, naming it', () => {
    expect(resolveEnv({}).logLevel).toBe('info');
    expect(resolveEnv({ LOG_LEVEL: 'Debug' }).logLevel).toBe('debug');
    expect(resolveEnv({ LOG_LEVEL: '' }).logLevel).toBe('info');
    expect(() => resolveEnv({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL/);
  });

  it("the logger's own reading falls back to info on a value the configuration refuses at start", () => {
    expect(logLevelFrom({ LOG_LEVEL: 'warn' })).toBe('warn');
    expect(logLevelFrom({ LOG_LEVEL: 'verbose' })).toBe('info');
    expect(logLevelFrom({})).toBe('info');
  });
});

describe('METRICS_TOKEN', () => {
  it('is the published sandbox token in the sandbox, your own when set', () => {
    expect(resolveEnv({}).metricsToken).toBe(sandboxSecrets.METRICS_TOKEN);
    expect(resolveEnv({ METRICS_TOKEN: 'm'.repeat(32) }).metricsToken).toBe('m'.repeat(32));
  });

  it('is none live unless set (the route answers 404), never the published one live, at least 16 characters', () => {
    expect(resolveEnv(live).metricsToken).toBeNull();
    expect(resolveEnv({ ...live, METRICS_TOKEN: 'm'.repeat(32) }).metricsToken).toBe('m'.repeat(32));
    expect(() => resolveEnv({ ...live, METRICS_TOKEN: sandboxSecrets.METRICS_TOKEN })).toThrow(/METRICS_TOKEN/);
    expect(() => resolveEnv({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
  });
});
