import { randomUUID } from 'node:crypto';
import { sandboxSecrets } from '@/lib/env/sandbox-defaults';
import { createFarpayClient } from '@/lib/farpay/client';
import type { RefundInput } from '@/lib/staff/payments/refunds/refund-payment';
import { appContext } from '@/lib/server/context';
import { sandbox, sandboxUrls } from './sandbox-control';

/** What the refund suites share: FarPay's API on the sandbox, the use cases' dependencies, refund requests. */
export const farpayApiUrl = `${sandboxUrls.farpay ?? ''}/v2`;

/** The refund use cases' dependencies; `timeoutMs` short for the tests of an answer that never comes. */
export async function refundDeps(timeoutMs = 5_000) {
  const { db } = await appContext();
  return { db, farpay: createFarpayClient({ apiUrl: farpayApiUrl, apiKey: sandboxSecrets.FARPAY_API_KEY, timeoutMs, maxRetries: 1 }) };
}

/** A full refund of a 125.50 payment as the form would post it, with a fresh key. */
export const refundRequest = (paymentId: number, over: Partial<RefundInput> = {}): RefundInput => ({
  key: randomUUID(),
  paymentId,
  mode: 'full',
  shownRemainingMinor: 12_550,
  reason: 'duplicate',
  ...over,
});

/** The refunds FarPay holds for a payment, in øre (its records' amounts are negative). */
export const farpayRefundsMinor = async (id: number) => (await sandbox.farpay.refunds(id)).map((r) => Math.round(r.PaidAmount * 100));
