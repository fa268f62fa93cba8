import { sandboxSecrets } from '../../lib/env/sandbox-defaults';
import type { sandboxControl } from '../../sandbox/control-client';

type Control = ReturnType<typeof sandboxControl>;

/** A customer link for `code` from the app's own API (the bulk lane may say when to come back). */
async function issueLink(at: string, code: string): Promise<{ url: string }> {
  for (;;) {
    const res = await fetch(`${at}/api/links`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${sandboxSecrets.PORTAL_API_KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ account: code }),
    });
    if (res.status !== 503) return (await res.json()) as { url: string };
    await new Promise((r) => setTimeout(r, 1000 * Number(res.headers.get('retry-after') ?? 1)));
  }
}

/** A customer opens their link on `at` and starts QuickPay's window: the window's address. */
export async function openQuickpayWindow(at: string, code: string): Promise<string> {
  const link = await issueLink(at, code);
  const opened = await fetch(link.url.replace(/^https?:\/\/[^/]+/, at), { redirect: 'manual', headers: { 'Sec-Fetch-Site': 'none' } });
  const cookie = opened.headers.get('set-cookie')?.split(';')[0] ?? '';
  const res = await fetch(`${at}/api/create-quickpay-link`, { method: 'POST', headers: { cookie, 'Sec-Fetch-Site': 'same-origin' } });
  return ((await res.json()) as { url: string }).url;
}

const APPROVED = new URLSearchParams({ card_number: '1000000000000008', expiry: '12/30', cvc: '123' }).toString();

/** The customer enters QuickPay's approved test card in the window; QuickPay then calls back. */
export async function payQuickpayWindow(url: string): Promise<void> {
  const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: APPROVED, redirect: 'manual' });
  if (res.status !== 303) throw new Error(`QuickPay's window answered ${res.status}`);
}

/** The cards the app registered with Fenerum for these accounts (uuids), as Fenerum's audit log has them. */
export async function registeredCards(control: Control, accountUuids: Set<string>): Promise<{ account: string; token: string }[]> {
  return (await control.fenerum.audit())
    .filter((e) => e.method === 'POST' && e.path.endsWith('/paymentcards/') && e.status < 300)
    .map((e) => e.body as { account: string; token: string })
    .filter((b) => accountUuids.has(b.account));
}

/** The subscriptions whose callback the app acknowledged (2xx), as QuickPay's callback log has them. */
export async function acknowledgedCallbacks(control: Control): Promise<Set<string>> {
  const log = await control.quickpay.callbacks();
  return new Set(log.filter((a) => a.status !== null && a.status >= 200 && a.status < 300).map((a) => String(a.subscriptionId)));
}
