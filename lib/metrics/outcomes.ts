import { metrics } from './registry';

/** One attempt at registering a card with Fenerum (lib/registrations/attempt.ts): registered, retrying, failed, or error (not Fenerum's answer: our database, a bug). */
export function countRegistrationAttempt(outcome: 'registered' | 'retrying' | 'failed' | 'error'): void {
  metrics().registrationAttempts.inc({ outcome });
}

/**
 * One provider callback or webhook (lib/server/provider-callback.ts): `queued`, `stored`,
 * `ignored`, `refused` (a bad signature, a provider that is off), `not-stored` (a 503: it will come again).
 */
export function countCallback(provider: string, outcome: string): void {
  metrics().callbacks.inc({ provider, outcome });
}
