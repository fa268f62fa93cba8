import type { Refused } from './outcomes';

/**
 * What a provider's callback came to, for QuickPay, Stripe and Fenerum alike: one union, which
 * the provider-callback wrapper (lib/server/provider-callback.ts) turns into the answer once.
 * Every kind but a refusal is acknowledged (2xx), so the provider does not send it again.
 */
export type CallbackOutcome = CallbackQueued | CallbackStored | CallbackIgnored | Refused;

/** Stored, and a card queued for Fenerum: tried after the answer. `state`: what the provider's object came to, where its answer names it (Stripe's). */
export type CallbackQueued = { kind: 'queued'; registration: { id: string; status: 'queued' }; state?: string };
/** Stored (or recognised as a repeat), with nothing to try after the answer beyond what the use case scheduled itself. */
export type CallbackStored = { kind: 'stored'; repeat?: boolean; state?: string };
/** Verified, but nothing this portal acts on (or can store): acknowledged, so it is not sent for ever. */
export type CallbackIgnored = { kind: 'ignored'; reason?: string };

export const callbackQueued = (id: string, state?: string): CallbackQueued =>
  state === undefined ? { kind: 'queued', registration: { id, status: 'queued' } } : { kind: 'queued', registration: { id, status: 'queued' }, state };
export const callbackStored = (fields: { repeat?: boolean; state?: string } = {}): CallbackStored => ({ kind: 'stored', ...fields });
export const callbackIgnored = (reason?: string): CallbackIgnored => (reason === undefined ? { kind: 'ignored' } : { kind: 'ignored', reason });

/**
 * One provider's callback as the composition root builds it (its secret bound there): `verify`
 * checks the raw body before anything is parsed or stored; `receive` stores and handles it.
 */
export type CallbackReceiver<T> = {
  verify(raw: string, headers: Headers): T | Refused;
  receive(verified: T, raw: string): Promise<CallbackOutcome>;
};
