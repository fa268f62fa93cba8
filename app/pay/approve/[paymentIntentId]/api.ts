/** The approval page's call to the portal, as the browser makes it. Never throws: every outcome is a value. */
export type Finished =
  | { kind: 'needs-approval'; authenticationFailed: boolean; declined: boolean }
  | { kind: 'processing' | 'succeeded' | 'canceled'; card: { brand: string; last4: string } | null }
  | { kind: 'network' | 'session' | 'refused' };

export async function finishApproval(paymentIntentId: string): Promise<Finished> {
  let res: Response;
  try {
    res = await fetch('/api/payment-approval', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ paymentIntentId }),
      cache: 'no-store',
    });
  } catch {
    return { kind: 'network' };
  }
  if (res.status === 401) return { kind: 'session' };
  if (!res.ok) return { kind: res.status >= 500 ? 'network' : 'refused' };
  const body = (await res.json().catch(() => null)) as {
    state?: string;
    authenticationFailed?: boolean;
    declined?: boolean;
    card?: { brand?: unknown; last4?: unknown } | null;
  } | null;
  const state = body?.state;
  if (state === 'needs-approval')
    return { kind: 'needs-approval', authenticationFailed: body?.authenticationFailed === true, declined: body?.declined === true };
  if (state === 'processing' || state === 'succeeded' || state === 'canceled') {
    const c = body?.card;
    const card = c && typeof c.brand === 'string' && typeof c.last4 === 'string' && c.last4 ? { brand: c.brand, last4: c.last4 } : null;
    return { kind: state, card };
  }
  return { kind: 'network' };
}
