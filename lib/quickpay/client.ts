import { z } from 'zod';
import { QuickpayError } from './errors';
import { quickpayLink, quickpaySubscription, type QuickpaySubscription } from './wire';

export type QuickpayClientConfig = { apiUrl: string; apiKey: string; timeoutMs?: number; fetch?: typeof fetch };
export type LinkInput = { amount: number; continueUrl: string; cancelUrl: string; callbackUrl: string; language: 'da' | 'en' };

const errorBody = z.object({ message: z.string().optional(), errors: z.record(z.string(), z.array(z.string())).optional() }).partial();

/** QuickPay API v10: the subscription calls a saved card needs, nothing more. */
export function createQuickpayClient(config: QuickpayClientConfig) {
  const doFetch = config.fetch ?? fetch;
  const auth = `Basic ${Buffer.from(`:${config.apiKey}`).toString('base64')}`;

  async function request<T extends z.ZodType>(method: string, path: string, schema: T, body?: unknown): Promise<z.infer<T>> {
    let res: Response;
    try {
      res = await doFetch(new URL(path, config.apiUrl.endsWith('/') ? config.apiUrl : `${config.apiUrl}/`), {
        method,
        headers: { Authorization: auth, 'Accept-Version': 'v10', Accept: 'application/json', 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(config.timeoutMs ?? 15_000),
      });
    } catch {
      throw new QuickpayError(0, `QuickPay could not be reached (${method} ${path.split('/')[0]})`);
    }
    const json: unknown = await res.json().catch(() => undefined);
    if (!res.ok) {
      const e = errorBody.safeParse(json);
      throw new QuickpayError(res.status, `QuickPay answered ${res.status}: ${e.success ? (e.data.message ?? '') : ''}`, e.success ? e.data.errors : {});
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new QuickpayError(502, 'QuickPay sent a response the portal does not understand');
    return parsed.data;
  }

  return {
    createSubscription: (input: { orderId: string; currency: string; description: string; variables?: Record<string, string> }) =>
      request('POST', 'subscriptions', quickpaySubscription, {
        order_id: input.orderId,
        currency: input.currency,
        description: input.description,
        variables: input.variables,
      }),
    createLink: async (id: number, input: LinkInput): Promise<string> =>
      (
        await request('PUT', `subscriptions/${id}/link`, quickpayLink, {
          amount: input.amount,
          continue_url: input.continueUrl,
          cancel_url: input.cancelUrl,
          callback_url: input.callbackUrl,
          language: input.language,
        })
      ).url,
    getSubscription: (id: number): Promise<QuickpaySubscription> => request('GET', `subscriptions/${id}`, quickpaySubscription),
  };
}

export type QuickpayClient = ReturnType<typeof createQuickpayClient>;
