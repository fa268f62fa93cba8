import { sandboxPorts, sandboxSecrets } from '../lib/env/sandbox-defaults';

/** Test access to the sandbox's emulators, past their APIs where a test needs to look or steer. */
const ports = sandboxPorts(Number(process.env.TEST_SANDBOX_PORT ?? 4300));
export const sandboxUrls = {
  fenerum: `http://localhost:${ports.fenerum}`,
  stripe: `http://localhost:${ports.stripe}`,
  quickpay: `http://localhost:${ports.quickpay}`,
};

async function json<T>(res: Response): Promise<T> {
  if (!res.ok) throw new Error(`${res.url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export type FenerumCardRow = { uuid: string; token: string; active: boolean; payment_gateway: string; card_number: string };

export async function fenerumCardsOf(account: string): Promise<FenerumCardRow[]> {
  return (await json<{ results: FenerumCardRow[] }>(await fetch(`${sandboxUrls.fenerum}/__sandbox/paymentcards?account=${account}`))).results;
}

export async function fenerumSettings(settings: unknown): Promise<void> {
  await json(await fetch(`${sandboxUrls.fenerum}/__sandbox/settings`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(settings) }));
}

/** Completes QuickPay's window without a browser; returns the subscription as QuickPay's API has it. */
export async function authorizeQuickpay(subscriptionId: string, card = '1000020000000006'): Promise<string> {
  await json(
    await fetch(`${sandboxUrls.quickpay}/__sandbox/subscriptions/${subscriptionId}/authorize`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ card }),
    }),
  );
  const res = await fetch(`${sandboxUrls.quickpay}/subscriptions/${subscriptionId}`, {
    headers: { Authorization: `Basic ${Buffer.from(`:${sandboxSecrets.QUICKPAY_API_KEY}`).toString('base64')}`, 'Accept-Version': 'v10' },
  });
  return res.text();
}
