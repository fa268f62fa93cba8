import net from 'node:net';
import Stripe from 'stripe';
import { serve, type RunningServer } from '../http';
import type { StripeEmulatorOptions } from './config';
import { createStripeEmulator, type StripeEmulator } from './emulator';

export const TEST_KEYS = {
  secretKey: 'sk_test_emulator_unit_0000000000',
  publishableKey: 'pk_test_emulator_unit_0000000000',
  webhookSecret: 'whsec_emulator_unit_0000000000',
} as const;

export type RunningStripe = {
  emulator: StripeEmulator;
  server: RunningServer;
  /** The real SDK with the secret key, pointed at the emulator. */
  stripe: Stripe;
  /** The real SDK with the publishable key (what Stripe.js may do). */
  publishable: Stripe;
  sdk: (key: string) => Stripe;
  close: () => Promise<void>;
};

/** Starts an emulator of its own on a free port (tests never depend on the global sandbox). */
export async function startStripe(opts: Partial<StripeEmulatorOptions> = {}): Promise<RunningStripe> {
  const port = await freePort();
  const emulator = createStripeEmulator({ ...TEST_KEYS, fast: true, publicUrl: `http://localhost:${port}`, ...opts });
  const server = await serve(emulator, port);
  const sdk = (key: string) => new Stripe(key, { host: 'localhost', port: server.port, protocol: 'http', maxNetworkRetries: 0 });
  return { emulator, server, stripe: sdk(TEST_KEYS.secretKey), publishable: sdk(TEST_KEYS.publishableKey), sdk, close: () => server.close() };
}

/** The emulator must know its own URL (for Stripe.js and the iframes) before it listens. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** The error a Stripe call rejects with (fails the test if it resolves). */
export async function stripeError(promise: Promise<unknown>): Promise<InstanceType<typeof Stripe.errors.StripeError>> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof Stripe.errors.StripeError) return err;
    throw err;
  }
  throw new Error('expected the Stripe call to fail');
}

/** Polls until `check` passes (for asynchronous transitions such as SEPA settlement). */
export async function eventually<T>(fn: () => Promise<T>, check: (v: T) => boolean, timeoutMs = 3000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (check(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
}
