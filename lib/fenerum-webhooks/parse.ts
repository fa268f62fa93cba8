import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * Fenerum's webhook body, read leniently (PROVIDERS.md: only `event` and `data` are documented;
 * `data.payment_gateway_id` for payment.authentication_required; everything else unconfirmed).
 */
export const webhookBody = z.looseObject({
  event: z.string().min(1).max(200),
  data: z.record(z.string(), z.unknown()).default({}),
});
export type FenerumWebhook = z.infer<typeof webhookBody>;

const ID = /^[A-Za-z0-9_-]{1,255}$/;
const str = (v: unknown): string | undefined => (typeof v === 'string' && ID.test(v) ? v : undefined);
const nested = (v: unknown, key: string): unknown => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined);

/** The PaymentIntent a payment event names (seeds/001: `payment_gateway_id`). */
export function paymentIntentOf(data: Record<string, unknown>): string | undefined {
  const id = str(data.payment_gateway_id);
  return id?.startsWith('pi_') ? id : undefined;
}

/** The Fenerum card a card event is about: the object itself (`uuid`), or a reference to it. */
export function cardUuidOf(data: Record<string, unknown>): string | undefined {
  return str(data.payment_card) ?? str(nested(data.payment_card, 'uuid')) ?? str(data.card) ?? str(nested(data.card, 'uuid')) ?? str(data.uuid);
}

/** JSON with keys sorted, so the same body always hashes the same. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/**
 * Fenerum documents no event id, so a repeat is recognised by this key: the event, what it is
 * about (the PaymentIntent or the card), and a hash of the whole body in a canonical form. The
 * same webhook delivered again has the same key; one PaymentIntent is one approval whatever the key.
 */
export function eventKeyOf(body: FenerumWebhook): string {
  const about = paymentIntentOf(body.data) ?? cardUuidOf(body.data) ?? '-';
  const hash = createHash('sha256')
    .update(canonical({ event: body.event, data: body.data }))
    .digest('hex')
    .slice(0, 32);
  return `${body.event.slice(0, 80)}:${about}:${hash}`;
}
