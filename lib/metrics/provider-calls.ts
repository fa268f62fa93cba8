import { metrics } from './registry';

const since = (startedMs: number) => (performance.now() - startedMs) / 1000;

/** One provider attempt (lib/provider-http, the one place every client's call goes through): its status (an HTTP status, `timeout`, `network`, `aborted`) and latency. */
export function observeProviderCall(provider: string, status: string, startedMs: number): void {
  metrics().providerCalls.observe({ provider, status }, since(startedMs));
}

/**
 * The rate limiter's answer to one call (at the call site in lib/provider-http, not inside the
 * limiter): a slot after a wait (observed, 0 s included), or a refusal (`over_budget`, or
 * `aborted`: the caller left while waiting), by lane.
 */
export function countLimiter(provider: string, lane: string, answer: 'slot' | 'over_budget' | 'aborted', startedMs: number): void {
  const m = metrics();
  if (answer === 'slot') m.limiterWaits.observe({ provider, lane }, since(startedMs));
  else m.limiterRefusals.inc({ provider, lane, reason: answer });
}

/** A Stripe SDK answer (its `response` event: each attempt, retries included), as a provider call. */
export function observeStripeResponse(event: { status: number; elapsed: number }): void {
  metrics().providerCalls.observe({ provider: 'stripe', status: String(event.status) }, event.elapsed / 1000);
}
