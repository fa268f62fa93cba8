import { afterEach, describe, expect, it, vi } from 'vitest';
import { log } from '@/lib/log';
import { callbackIgnored, callbackQueued, callbackStored, type CallbackOutcome } from '@/lib/domain/callbacks';
import { refused } from '@/lib/domain/outcomes';
import { callbackResponse, type CallbackProvider } from './callback-reply';

const answer = async (provider: CallbackProvider, outcome: CallbackOutcome) => {
  const res = callbackResponse(provider, outcome);
  return { status: res.status, body: (await res.json()) as unknown };
};

describe('callbackResponse: one union, one answer per provider', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each<[CallbackProvider, CallbackOutcome, unknown]>([
    ['quickpay', callbackQueued('reg-1'), { ok: true, result: 'queued' }],
    ['quickpay', callbackStored(), { ok: true, result: 'queued' }],
    ['quickpay', callbackIgnored('resource Payment'), { ok: true, result: 'ignored', reason: 'resource Payment' }],
    ['stripe', callbackQueued('reg-1', 'pending'), { received: true, result: 'pending' }],
    ['stripe', callbackStored({ state: 'registered' }), { received: true, result: 'registered' }],
    ['stripe', callbackStored({ state: 'succeeded' }), { received: true, result: 'succeeded' }],
    ['stripe', callbackIgnored(), { received: true, result: 'ignored' }],
    ['stripe', callbackIgnored('no SetupIntent id'), { received: true, result: 'ignored: no SetupIntent id' }],
    ['fenerum', callbackStored({ repeat: false }), { received: true, repeat: false }],
    ['fenerum', callbackStored({ repeat: true }), { received: true, repeat: true }],
  ])('%s: %o is a 200 with its body', async (provider, outcome, body) => {
    vi.spyOn(log, 'warn').mockImplementation(() => undefined);
    expect(await answer(provider, outcome)).toEqual({ status: 200, body });
  });

  it('a refusal is answered through the one refusal table, for every provider alike', async () => {
    for (const provider of ['quickpay', 'stripe', 'fenerum'] as const) {
      expect((await answer(provider, refused('invalid-input', 'notQuickpaySubscription'))).status).toBe(400);
      expect((await answer(provider, refused('unauthenticated'))).status).toBe(401);
    }
  });

  it('an ignored callback with a reason is logged once, under its provider', () => {
    const warn = vi.spyOn(log, 'warn').mockImplementation(() => undefined);
    callbackResponse('stripe', callbackIgnored('not a JSON object'));
    callbackResponse('stripe', callbackIgnored());
    expect(warn.mock.calls).toEqual([[{ provider: 'stripe', reason: 'not a JSON object' }, 'Stripe event ignored']]);
  });
});
