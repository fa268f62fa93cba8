import { sandboxSecrets } from '../../lib/env/sandbox-defaults';
import { sandboxControl, type FenerumCard, type FenerumSettings } from '../../sandbox/control-client';

/** The integration suite's sandbox (test/global-setup.ts starts it), through its control client. */
export const sandbox = sandboxControl(Number(process.env.TEST_SANDBOX_PORT ?? 4300));
export const sandboxUrls = sandbox.urls;

export type FenerumCardRow = FenerumCard;

/** A Fenerum account of the test's own: its card counts are the test's alone. */
export async function freshAccount(): Promise<string> {
  return (await sandbox.fenerum.createAccount()).code;
}

export const fenerumCardsOf = (account: string): Promise<FenerumCardRow[]> => sandbox.fenerum.cards(account);

export async function fenerumSettings(settings: FenerumSettings): Promise<void> {
  await sandbox.fenerum.settings(settings);
}

/** Completes QuickPay's window without a browser; returns the subscription as QuickPay's API has it. */
export async function authorizeQuickpay(subscriptionId: string, card = '1000020000000006'): Promise<string> {
  await sandbox.quickpay.authorize(subscriptionId, { card });
  const res = await fetch(`${sandboxUrls.quickpay}/subscriptions/${subscriptionId}`, {
    headers: { Authorization: `Basic ${Buffer.from(`:${sandboxSecrets.QUICKPAY_API_KEY}`).toString('base64')}`, 'Accept-Version': 'v10' },
  });
  return res.text();
}

/** The tokens the app registered with Fenerum for an account (uuid), as its audit log has them. */
export async function registeredTokens(accountUuid: string): Promise<string[]> {
  return (await sandbox.fenerum.audit())
    .filter((e) => e.method === 'POST' && e.path.endsWith('/paymentcards/') && e.status < 300)
    .map((e) => e.body as { account?: string; token?: string })
    .filter((b) => b.account === accountUuid)
    .map((b) => String(b.token));
}
