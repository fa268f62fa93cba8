import { createProviderHttp, type ProviderClientTuning } from '@/lib/provider-http';
import { QuickpayError, toQuickpayError } from './errors';
import { quickpayLink, quickpaySubscription, type QuickpaySubscription } from './wire';

/** Per attempt DEFAULT_TIMEOUT_MS; a call that may be repeated (see provider-http) is retried DEFAULT_MAX_RETRIES times. */
export type QuickpayClientConfig = { apiUrl: string; apiKey: string } & ProviderClientTuning;
export type LinkInput = { amount: number; continueUrl: string; cancelUrl: string; callbackUrl: string; language: 'da' | 'en' };

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_RETRIES = 2;

/** A subscription id as a path segment: QuickPay's ids are positive integers. */
function idOf(id: number): string {
  if (!Number.isSafeInteger(id) || id <= 0) throw new QuickpayError(400, `not a QuickPay subscription id: ${id}`);
  return String(id);
}

/**
 * QuickPay API v10: the subscription calls a saved card needs, nothing more, on the
 * provider-http core. Reads and the link PUT (it replaces the link) may be repeated; creating a
 * subscription is retried only when QuickPay surely did nothing (429, 503, connection refused).
 */
export function createQuickpayClient(config: QuickpayClientConfig) {
  const http = createProviderHttp({
    provider: 'quickpay',
    baseUrl: config.apiUrl,
    headers: { Authorization: `Basic ${Buffer.from(`:${config.apiKey}`).toString('base64')}`, 'Accept-Version': 'v10' },
    toError: toQuickpayError,
    timeoutMs: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRetries: config.maxRetries ?? DEFAULT_MAX_RETRIES,
    fetch: config.fetch,
    sleep: config.sleep,
    now: config.now,
    random: config.random,
  });

  return {
    createSubscription: (input: {
      orderId: string;
      currency: string;
      description: string;
      variables?: Record<string, string>;
    }): Promise<QuickpaySubscription> =>
      http.request({
        method: 'POST',
        path: 'subscriptions',
        body: { order_id: input.orderId, currency: input.currency, description: input.description, variables: input.variables },
        schema: quickpaySubscription,
        operation: 'POST /subscriptions',
        idempotent: false,
      }),
    createLink: async (id: number, input: LinkInput): Promise<string> => {
      const body = {
        amount: input.amount,
        continue_url: input.continueUrl,
        cancel_url: input.cancelUrl,
        callback_url: input.callbackUrl,
        language: input.language,
      };
      const link = await http.request({
        method: 'PUT',
        path: `subscriptions/${idOf(id)}/link`,
        body,
        schema: quickpayLink,
        operation: 'PUT /subscriptions/{id}/link',
        idempotent: true,
      });
      return link.url;
    },
    getSubscription: async (id: number): Promise<QuickpaySubscription> =>
      http.request({ method: 'GET', path: `subscriptions/${idOf(id)}`, schema: quickpaySubscription, operation: 'GET /subscriptions/{id}', idempotent: true }),
  };
}

export type QuickpayClient = ReturnType<typeof createQuickpayClient>;
