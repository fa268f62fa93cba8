import 'server-only';
import { env } from '@/lib/env';
import { processSingleton } from '@/lib/process-singleton';
import { createQuickpayClient, type QuickpayClient } from './client';

/** The QuickPay client for this app's configuration (the sandbox when no key is set). */
export function quickpay(): QuickpayClient {
  return processSingleton('quickpay-client', () => createQuickpayClient({ apiUrl: env().quickpay.apiUrl, apiKey: env().quickpay.apiKey }));
}
