/**
 * What a log line must never carry in its text, whatever its key: a full email address (the
 * local part is masked: `k***@example.dk`), a card number (a run of 13–19 digits, spaces or
 * dashes between them allowed, not part of a longer word, is `[card]`), and a customer link's token (`/pay/[token]`). Keys
 * known to hold secrets are removed by pino's own `redact` (logger.ts) before this runs.
 */
const EMAIL = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/g;
// Not inside a longer word: a UUID's or a hex id's digit groups are not a card number.
const PAN = /(?<![0-9A-Za-z-])\d(?:[ -]?\d){12,18}(?![0-9A-Za-z]|-[0-9A-Za-z])/g;
/** A link token (lib/auth/link-token.ts: base64url parts joined by a dot) in a /pay/ address; the portal's own /pay pages have no dot. */
const LINK_TOKEN = /\/pay\/[A-Za-z0-9_-]+\.[A-Za-z0-9_.-]+/g;

export function scrubText(text: string): string {
  return text
    .replace(PAN, '[card]')
    .replace(EMAIL, (_m, first: string, domain: string) => `${first}***@${domain}`)
    .replace(LINK_TOKEN, '/pay/[token]');
}

const MAX_DEPTH = 6;

/**
 * Keys whose value is a secret wherever they are (a provider's error body nests them: a Stripe
 * error's `raw.setup_intent.client_secret`). pino's `redact` removes them at the paths
 * logger.ts names; this catches them at any depth. Compared lower-case, without `_` and `-`.
 */
const SECRET_KEYS = [
  'password',
  'passwordHash',
  'secret',
  'clientSecret',
  'token',
  'accessToken',
  'linkToken',
  'apiKey',
  'privateKey',
  'authorization',
  'cookie',
  'setCookie',
  'totp',
  'totpCode',
  'otp',
  'recoveryCode',
  'cardNumber',
  'pan',
  'cvc',
  'cvd',
  'webhookSecret',
  'webhookPassword',
] as const;
const SECRET = new Set(SECRET_KEYS.map((k) => normalKey(k)));

function normalKey(key: string): string {
  return key.replace(/[_-]/g, '').toLowerCase();
}

/**
 * `value` with every string in it scrubbed (scrubText), an Error turned into a plain object
 * (type, message, stack, code, cause) first. Objects deeper than a few levels are cut: a log
 * line is not a dump.
 */
export function scrubValue(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[deeper]';
  // Only the objects above this one count as seen: the same object twice side by side is not a cycle.
  seen.add(value);
  try {
    if (value instanceof Error) return scrubValue(plainError(value), depth, seen);
    if (Array.isArray(value)) return value.map((v) => scrubValue(v, depth + 1, seen));
    if (value instanceof Date) return value.toISOString();
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET.has(normalKey(k)) ? '[redacted]' : scrubValue(v, depth + 1, seen);
    return out;
  } finally {
    seen.delete(value);
  }
}

/** Properties an error may carry that are not about it: `pg` attaches the connection (its user, host and database). */
const NOT_ABOUT_THE_ERROR = new Set(['client']);

function plainError(err: Error): Record<string, unknown> {
  const plain: Record<string, unknown> = { type: err.name, message: err.message, stack: err.stack };
  for (const [k, v] of Object.entries(err)) if (!(k in plain) && !NOT_ABOUT_THE_ERROR.has(k)) plain[k] = v;
  if (err.cause !== undefined) plain.cause = err.cause;
  return plain;
}
