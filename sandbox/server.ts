import { SANDBOX_PORT_BASE, SANDBOX_STRIPE_PUBLISHABLE_KEY, sandboxPorts, sandboxSecrets } from '../lib/env/sandbox-defaults';
import { createFarpayEmulator } from './farpay/emulator';
import { createFenerumEmulator } from './fenerum/emulator';
import { createQuickpayEmulator } from './quickpay/emulator';
import { createStripeEmulator } from './stripe';
import type { GatewayCharge, GatewayLookup, GatewaySaveCard } from './gateways';
import { chargeWithStripe } from './stripe/charge-off-session';
import { saveCardAsFenerum } from './stripe/fenerum-customer';
import { withMailControls } from './mail/control';
import { createMailbox } from './mail/mailbox';
import { startSmtpServer } from './mail/smtp';
import { serve, type Emulator, type RunningServer } from './http';

export type SandboxOptions = {
  /** First port; the emulators take it and the next three (FarPay is +3; see sandboxPorts). */
  portBase?: number;
  /** Where the app runs, for webhooks and callbacks (Stripe's `listen --forward-to`). */
  appUrl?: string;
  /**
   * A short SEPA settlement delay (Stripe), for tests. Deliveries are retried on each provider's
   * real schedule regardless; a test that needs fast retries asks the emulator for them:
   * `POST <quickpay|stripe>/__sandbox/settings {"retrySchedule": "fast"}`.
   */
  fast?: boolean;
};

export type Sandbox = {
  urls: { fenerum: string; stripe: string; quickpay: string; farpay: string; smtp: string };
  stop: () => Promise<void>;
};

/** Where each emulator answers, from the first port (a sandbox in another process is found the same way). */
export function sandboxUrls(portBase = SANDBOX_PORT_BASE): Sandbox['urls'] {
  const ports = sandboxPorts(portBase);
  return {
    fenerum: `http://localhost:${ports.fenerum}`,
    stripe: `http://localhost:${ports.stripe}`,
    quickpay: `http://localhost:${ports.quickpay}`,
    farpay: `http://localhost:${ports.farpay}`,
    smtp: `smtp://127.0.0.1:${ports.smtp}`,
  };
}

/** Starts every provider emulator, each on its own port as if on its own host. */
export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const ports = sandboxPorts(opts.portBase ?? SANDBOX_PORT_BASE);
  const urls = sandboxUrls(opts.portBase);
  const appUrl = opts.appUrl ?? 'http://localhost:3000';

  // Fenerum asks the gateway about a token when a card is registered; each gateway
  // emulator adds its own lookup here.
  const lookups: Partial<Record<Parameters<GatewayLookup>[0], (token: string) => ReturnType<GatewayLookup>>> = {};
  const lookupCard: GatewayLookup = (gateway, token) => lookups[gateway]?.(token) ?? null;
  // Fenerum charges a card off-session through its gateway (the "bank wants authentication" control).
  const charges: Partial<Record<Parameters<GatewayCharge>[0], GatewayCharge>> = {};
  const chargeCard: GatewayCharge = async (gateway, token, input) => (await charges[gateway]?.(gateway, token, input)) ?? null;
  // Fenerum's own add-card link saves a card on a Stripe customer Fenerum makes.
  let saveWithStripe: GatewaySaveCard | undefined;
  const saveCard: GatewaySaveCard = async (gateway, pm) => (await saveWithStripe?.(gateway, pm)) ?? null;

  const emulators: Array<[Emulator, number]> = [];
  // Emulators are registered below, one block each.

  // Every message the app sends, caught by a real SMTP server (below); its controls beside Fenerum's.
  const mailbox = createMailbox();

  // Fenerum: accounts, payment cards (asking the gateways via lookupCard), the 60/min rate limit.
  {
    const emulator = createFenerumEmulator({
      token: sandboxSecrets.FENERUM_API_TOKEN,
      lookupCard,
      chargeCard,
      saveCard,
      // Fenerum's webhooks (Basic auth), as an operator sets them up: to the app, every opt-in event.
      webhook: { url: `${appUrl}/api/fenerum-webhook`, username: sandboxSecrets.FENERUM_WEBHOOK_USERNAME, password: sandboxSecrets.FENERUM_WEBHOOK_PASSWORD },
    });
    emulators.push([withMailControls(emulator, mailbox), ports.fenerum]);
  }

  // QuickPay: subscriptions, links, the hosted payment window, signed callbacks with retries.
  {
    const emulator = createQuickpayEmulator({
      apiKey: sandboxSecrets.QUICKPAY_API_KEY,
      privateKey: sandboxSecrets.QUICKPAY_PRIVATE_KEY,
      publicUrl: urls.quickpay,
    });
    emulators.push([emulator, ports.quickpay]);
    lookups.quickpay = (token) => emulator.lookupCard(token);
  }

  // Stripe: the API the real SDK talks to, signed webhooks to the app, Stripe.js (/v3/) and
  // its iframes; Fenerum reads pm_… cards from it.
  {
    const emulator = createStripeEmulator({
      secretKey: sandboxSecrets.STRIPE_SECRET_KEY,
      publishableKey: SANDBOX_STRIPE_PUBLISHABLE_KEY,
      webhookSecret: sandboxSecrets.STRIPE_WEBHOOK_SECRET,
      webhookUrl: `${appUrl}/api/stripe-webhook`,
      publicUrl: urls.stripe,
      fast: opts.fast,
    });
    emulators.push([emulator, ports.stripe]);
    lookups.stripe_new = (token) => emulator.lookupCard(token);
    charges.stripe_new = (_, token, input) =>
      chargeWithStripe(
        { apiUrl: urls.stripe, secretKey: sandboxSecrets.STRIPE_SECRET_KEY, demandAuthentication: (pm) => emulator.demandAuthentication(pm) },
        token,
        input,
      );
    saveWithStripe = (_, pm) =>
      saveCardAsFenerum({ apiUrl: urls.stripe, secretKey: sandboxSecrets.STRIPE_SECRET_KEY, publishableKey: SANDBOX_STRIPE_PUBLISHABLE_KEY }, pm);
  }

  // FarPay: payments over a year from a seed (generated lazily), refunds with seeds/003's rules.
  emulators.push([createFarpayEmulator({ apiKey: sandboxSecrets.FARPAY_API_KEY }), ports.farpay]);

  const running: Array<Pick<RunningServer, 'close'>> = [];
  try {
    for (const [emulator, port] of emulators) running.push(await serve(emulator, port));
    running.push(await startSmtpServer(mailbox, ports.smtp));
  } catch (err) {
    await Promise.all(running.map((r) => r.close()));
    throw err;
  }
  return { urls, stop: async () => void (await Promise.all(running.map((r) => r.close()))) };
}
