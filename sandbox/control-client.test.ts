import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxControl, SandboxControlError, type SandboxControl } from './control-client';
import { createFenerumEmulator } from './fenerum/emulator';
import { serve, type RunningServer } from './http';

const TOKEN = 'control-client-test-token';
let server: RunningServer;
let control: SandboxControl;

beforeAll(async () => {
  server = await serve(createFenerumEmulator({ token: TOKEN, lookupCard: () => null }), 0);
  // Only Fenerum runs here; the other URLs are never called.
  control = sandboxControl({ fenerum: server.url, stripe: 'http://localhost:1', quickpay: 'http://localhost:1' });
});
afterAll(() => server.close());

const api = (path: string) => fetch(`${server.url}/api/v1/${path}`, { headers: { Authorization: `Token ${TOKEN}`, 'X-Client-System': 'ControlClientTest' } });

describe('POST /__sandbox/accounts (createAccount)', () => {
  it('makes a new account each call, as Fenerum’s API then shows it, with no cards', async () => {
    const [a, b] = await Promise.all([control.fenerum.createAccount(), control.fenerum.createAccount()]);
    expect(a.code).toMatch(/^T-[0-9A-F]{10}$/);
    expect(b.code).not.toBe(a.code);
    expect(b.uuid).not.toBe(a.uuid);
    const shown = await api(`accounts/${a.code}/`);
    expect(shown.status).toBe(200);
    const { recipients, ...asShown } = a;
    expect(await shown.json()).toEqual(asShown);
    expect(recipients).toHaveLength(1);
    expect(await control.fenerum.cards(a.code)).toEqual([]);
  });

  it('takes a name and the email of its one recipient, and more recipients after', async () => {
    const made = await control.fenerum.createAccount({ name: 'Prøvekunde ApS', email: 'regnskab@proevekunde.dk' });
    expect(made).toMatchObject({ company_name: 'Prøvekunde ApS', recipients: [{ email: 'regnskab@proevekunde.dk', receive_payment_confirmation: true }] });
    expect(made).not.toHaveProperty('billing_email');
    const more = await control.fenerum.addRecipient(made.code, { email: 'direktor@proevekunde.dk', receive_payment_confirmation: false });
    expect(more).toMatchObject({ account: made.uuid, email: 'direktor@proevekunde.dk', receive_payment_confirmation: false });
  });

  it('refuses what it does not know, with a 400 the client raises', async () => {
    const err = await control.fenerum.createAccount({ email: 'not an email' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SandboxControlError);
    expect(err).toMatchObject({ status: 400 });
  });
});

describe('settings', () => {
  it('sets an emulator’s switches and reads them back, by name or generically', async () => {
    expect(await control.fenerum.settings({ rateLimit: { perMinute: 7 } })).toMatchObject({ rateLimit: { enabled: true, perMinute: 7 } });
    expect(await control.settings('fenerum', { failNext: { status: 503, count: 1 } })).toMatchObject({ failNext: { status: 503, count: 1 } });
    expect(await control.getSettings('fenerum')).toMatchObject({ rateLimit: { perMinute: 7 }, failNext: { status: 503 } });
  });
});
