/* The sandbox Stripe.js talks to the emulator's /v1 API with the publishable key, as Stripe.js
   does: form-encoded, `key` in the parameters (a CORS "simple request", no preflight). */
import type { StripeJsError } from '../protocol';
import { API_URL, isObject, merge, parseClientSecret, type IntentKind, type Obj, type ParsedSecret } from './util';

/** An intent as the page sees it (publishable-key fields). */
export type Intent = Obj & { id: string; status: string; client_secret: string; payment_method_types?: string[]; next_action?: Obj | null };

export type ApiResult<T> = { body: T; error?: undefined } | { error: StripeJsError; body?: undefined };

function encodeForm(data: Obj, prefix = '', pairs: string[] = []): string {
  for (const [key, value] of Object.entries(data)) {
    const name = prefix ? `${prefix}[${key}]` : key;
    if (value === undefined) continue;
    if (value === null) pairs.push(`${encodeURIComponent(name)}=`);
    else if (Array.isArray(value)) {
      value.forEach((v: unknown, i) => {
        if (isObject(v)) encodeForm(v, `${name}[${i}]`, pairs);
        else pairs.push(`${encodeURIComponent(`${name}[${i}]`)}=${encodeURIComponent(String(v))}`);
      });
    } else if (isObject(value)) encodeForm(value, name, pairs);
    else pairs.push(`${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`);
  }
  return pairs.join('&');
}

const CONNECTION_ERROR: StripeJsError = { type: 'api_connection_error', message: 'An error occurred with our connection to Stripe.' };

/** Resolves { body } or { error } (Stripe's error object); never rejects. */
export async function apiRequest<T = Obj>(key: string, method: 'GET' | 'POST', path: string, params: Obj = {}): Promise<ApiResult<T>> {
  const query = encodeForm(merge({ key }, params));
  const url = API_URL + path + (method === 'GET' ? `?${query}` : '');
  const init: RequestInit = { method, credentials: 'omit', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } };
  if (method !== 'GET') init.body = query;
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch {
    return { error: CONNECTION_ERROR };
  }
  const body = (await res.json()) as { error?: StripeJsError };
  return body.error ? { error: body.error } : { body: body as T };
}

const intentPath = (parsed: ParsedSecret) => `/v1/${parsed.kind === 'setup_intent' ? 'setup_intents' : 'payment_intents'}/${parsed.id}`;

export function retrieveIntent(key: string, clientSecret: string, method: string): Promise<ApiResult<Intent>> {
  return apiRequest<Intent>(key, 'GET', intentPath(parseClientSecret(clientSecret, method)), { client_secret: clientSecret });
}

export function confirmIntentRequest(key: string, clientSecret: string, method: string, params: Obj): Promise<ApiResult<Intent>> {
  const path = `${intentPath(parseClientSecret(clientSecret, method))}/confirm`;
  return apiRequest<Intent>(key, 'POST', path, merge({ client_secret: clientSecret, use_stripe_sdk: 'true' }, params));
}

/** `{setupIntent}` / `{paymentIntent}` key for a result. */
export const resultKey = (kind: IntentKind): 'setupIntent' | 'paymentIntent' => (kind === 'setup_intent' ? 'setupIntent' : 'paymentIntent');
