import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { isRefused } from '@/lib/domain/outcomes';
import { appContext } from '@/lib/server/context';
import { registrations } from '@/lib/db/schema';
import { env } from '@/lib/env';
import { quickpayChecksum } from '@/lib/quickpay/checksum';
import { startQuickpayCard } from '@/lib/cards/quickpay/start';
import type { CustomerSession } from '@/lib/auth/session-token';

/** A session of its own each time (its own link id), unless `linkId` names one to share. */
export async function sessionFor(accountCode: string, linkId = `test-${randomUUID()}`): Promise<CustomerSession> {
  const account = await (await appContext()).fenerum.getAccount(accountCode);
  return { linkId, accountCode, accountUuid: account.uuid, expiresAt: Math.floor(Date.now() / 1000) + 3600 };
}

/** Tests that are not about the hourly cap share accounts across runs: a cap they never reach. */
export const TESTS_SETUPS_PER_HOUR = 1_000_000;

/** What the customer's click on "Add card with QuickPay" leaves behind: a pending registration. */
export async function startQuickpay(accountCode: string) {
  const started = await startQuickpayCard(
    { db: (await appContext()).db, quickpay: (await appContext()).quickpay, appUrl: env().appUrl, setupsPerHour: TESTS_SETUPS_PER_HOUR },
    await sessionFor(accountCode),
    'en',
    null,
  );
  if (isRefused(started)) throw new Error(`startQuickpayCard refused: ${started.reason}`);
  return { ...started, registration: await registration(started.registrationId) };
}

export async function registration(id: string) {
  const [row] = await (await appContext()).db.select().from(registrations).where(eq(registrations.id, id));
  if (!row) throw new Error(`no registration ${id}`);
  return row;
}

export async function waitForStatus(id: string, status: string, timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const row = await registration(id);
    if (row.status === status) return row;
    if (Date.now() > until) throw new Error(`registration ${id} is ${row.status}, not ${status}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Waits until no attempt holds the registration (its lease is free) and it is registered or
 * failed: only a lease holder calls Fenerum, so nothing about it can still reach Fenerum.
 */
export async function settled(id: string, timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const row = await registration(id);
    if ((row.status === 'registered' || row.status === 'failed') && row.leaseUntil === null) return row;
    if (Date.now() > until) throw new Error(`registration ${id} is ${row.status}, lease until ${String(row.leaseUntil)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A callback exactly as QuickPay sends it, signed with the given key. */
export function callbackRequest(body: string, key: string | null = env().quickpay.privateKey, extra: Record<string, string> = {}) {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'QuickPay-Resource-Type': 'Subscription',
    'QuickPay-Account-ID': '12345',
    'QuickPay-API-Version': 'v10',
    ...extra,
  };
  if (key) headers['QuickPay-Checksum-Sha256'] = quickpayChecksum(body, key);
  return new Request('http://localhost:3999/api/quickpay-callback', { method: 'POST', headers, body });
}
