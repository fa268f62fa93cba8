import type http from 'node:http';
import { StripeApiError } from './errors';
import type { FormObject } from './form';

export type ApiKeyKind = 'secret' | 'publishable';

/**
 * The API key: `Authorization: Bearer <key>` or Basic (`<key>:`), as the SDKs send it, or
 * Stripe.js's `key` parameter (publishable keys only). Stripe answers 401 with an
 * `invalid_request_error` body; stripe-node turns any 401 into StripeAuthenticationError.
 */
export function authenticate(
  req: http.IncomingMessage,
  params: FormObject,
  keys: { secretKey: string; publishableKey: string },
): { kind: ApiKeyKind; key: string } {
  const key = keyFromHeader(req.headers.authorization) ?? (typeof params.key === 'string' ? params.key : undefined);
  if (!key) {
    throw unauthorized(
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
    );
  }
  if (key === keys.secretKey) return { kind: 'secret', key };
  if (key === keys.publishableKey) return { kind: 'publishable', key };
  throw unauthorized(`Invalid API Key provided: ${mask(key)}`);
}

function keyFromHeader(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const [scheme, value = ''] = header.split(/\s+/, 2);
  if (scheme?.toLowerCase() === 'bearer') return value;
  if (scheme?.toLowerCase() === 'basic') return Buffer.from(value, 'base64').toString('utf8').split(':')[0] ?? '';
  return header;
}

const mask = (key: string): string => {
  const prefix = /^[a-z]+_(test|live)_/.exec(key)?.[0] ?? '';
  return key.length <= prefix.length + 4 ? `${prefix}****` : `${prefix}${'*'.repeat(key.length - prefix.length - 4)}${key.slice(-4)}`;
};

const unauthorized = (message: string): StripeApiError => new StripeApiError(401, { type: 'invalid_request_error', message }, false);

export const publishableKeyForbidden = (): StripeApiError =>
  unauthorized(
    'This API call cannot be made with a publishable API key. Please use a secret API key. You can find a list of your API keys at https://dashboard.stripe.com/account/apikeys.',
  );

/** What Stripe.js adds to its requests beside the endpoint's own parameters. */
export const STRIPE_JS_PARAMS = ['key', '_stripe_version', '_stripe_account', 'payment_user_agent', 'time_on_page', 'guid', 'muid', 'sid', 'referrer'];
