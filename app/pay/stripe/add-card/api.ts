import type { CardSummary } from '@/lib/domain/cards';

/** The portal's own routes, as the browser calls them. Never throws: every outcome is a value. */
export type Intent = { clientSecret: string; setupIntentId: string };
export type Trouble = 'network' | 'session' | 'unavailable' | 'too-many' | 'refused' | 'not-confirmed';

const troubleOf = (status: number): Trouble =>
  status === 401 ? 'session' : status === 409 ? 'not-confirmed' : status === 429 ? 'too-many' : status >= 500 ? 'unavailable' : 'refused';

async function post(path: string, body?: unknown): Promise<Response | null> {
  try {
    return await fetch(path, {
      method: 'POST',
      headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
  } catch {
    return null;
  }
}

async function json(res: Response): Promise<Record<string, unknown> | null> {
  try {
    const body: unknown = await res.json();
    return body && typeof body === 'object' ? (body as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * A SetupIntent for the session's account (the session cookie scopes it; the body is empty). The
 * server gives the session's open one back while it still waits for a card.
 */
export async function createSetupIntent(): Promise<{ ok: true; intent: Intent } | { ok: false; trouble: Trouble }> {
  const res = await post('/api/create-setup-intent');
  if (!res) return { ok: false, trouble: 'network' };
  if (!res.ok) return { ok: false, trouble: troubleOf(res.status) };
  const body = await json(res);
  const { clientSecret, setupIntentId } = body ?? {};
  if (typeof clientSecret !== 'string' || typeof setupIntentId !== 'string') return { ok: false, trouble: 'unavailable' };
  return { ok: true, intent: { clientSecret, setupIntentId } };
}

export type Registration = { kind: 'registered' | 'pending'; card: CardSummary | null } | { kind: Trouble };

function cardOf(value: unknown): CardSummary | null {
  if (!value || typeof value !== 'object') return null;
  const c = value as Record<string, unknown>;
  if (typeof c.brand !== 'string' || typeof c.last4 !== 'string') return null;
  return { brand: c.brand, last4: c.last4, expMonth: Number(c.expMonth) || 0, expYear: Number(c.expYear) || 0 };
}

/** After Stripe confirmed: the server checks the SetupIntent itself and registers it once (repeats are harmless). */
export async function registerPaymentCard(setupIntentId: string): Promise<Registration> {
  const res = await post('/api/register-payment-card', { setupIntentId });
  if (!res) return { kind: 'network' };
  if (res.status !== 200 && res.status !== 202) return { kind: troubleOf(res.status) };
  const body = await json(res);
  return { kind: res.status === 200 ? 'registered' : 'pending', card: cardOf(body?.card) };
}
