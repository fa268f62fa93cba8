import 'server-only';
import { env } from '@/lib/env';
import { createQuickpayClient, type QuickpayClient } from './client';

let client: QuickpayClient | undefined;

/** The QuickPay client for this app's configuration (the sandbox when no key is set). */
export function quickpay(): QuickpayClient {
  client ??= createQuickpayClient({ apiUrl: env().quickpay.apiUrl, apiKey: env().quickpay.apiKey });
  return client;
}
