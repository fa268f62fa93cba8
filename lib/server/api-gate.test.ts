import { describe, expect, it } from 'vitest';
import { createGate, isMerchantApi } from './api-gate';

/** Entries that record when they start and hand back their `done`. */
function recorder() {
  const started: string[] = [];
  const dones = new Map<string, () => void>();
  const entry = (name: string) => (done: () => void) => {
    started.push(name);
    dones.set(name, done);
  };
  return { started, entry, finish: (name: string) => dones.get(name)?.() };
}

describe('the API gate', () => {
  it('starts `limit` at once and the rest in arrival order as each finishes', () => {
    const gate = createGate({ limit: 2, maxQueued: 10 });
    const r = recorder();
    for (const name of ['a', 'b', 'c', 'd']) expect(gate.enter(r.entry(name))).toBe(true);
    expect(r.started).toEqual(['a', 'b']);
    expect([gate.running, gate.queued]).toEqual([2, 2]);
    r.finish('b');
    expect(r.started).toEqual(['a', 'b', 'c']);
    r.finish('a');
    r.finish('c');
    r.finish('d');
    expect(r.started).toEqual(['a', 'b', 'c', 'd']);
    expect([gate.running, gate.queued]).toEqual([0, 0]);
  });

  it('counts a repeated done once', () => {
    const gate = createGate({ limit: 1, maxQueued: 10 });
    const r = recorder();
    gate.enter(r.entry('a'));
    gate.enter(r.entry('b'));
    gate.enter(r.entry('c'));
    r.finish('a');
    r.finish('a');
    expect(r.started).toEqual(['a', 'b']);
    expect(gate.running).toBe(1);
  });

  it('drops a waiter no longer wanted (its caller hung up) and starts the next', () => {
    const gate = createGate({ limit: 1, maxQueued: 10 });
    const r = recorder();
    gate.enter(r.entry('a'));
    gate.enter(r.entry('gone'), () => false);
    gate.enter(r.entry('c'));
    r.finish('a');
    expect(r.started).toEqual(['a', 'c']);
    expect([gate.running, gate.queued]).toEqual([1, 0]);
  });

  it('refuses once `maxQueued` wait, and takes more as the queue moves', () => {
    const gate = createGate({ limit: 1, maxQueued: 2 });
    const r = recorder();
    expect([gate.enter(r.entry('a')), gate.enter(r.entry('b')), gate.enter(r.entry('c'))]).toEqual([true, true, true]);
    expect(gate.enter(r.entry('d'))).toBe(false);
    r.finish('a');
    expect(gate.enter(r.entry('e'))).toBe(true);
    expect(r.started).toEqual(['a', 'b']);
  });

  it.each([
    ['/api/links', true],
    ['/api/links/3f0c6f2e-1111-4a4a-9a9a-123456789abc', true],
    ['/api/links?x=1', true],
    ['/api/imports', true],
    ['/api/imports/abc', true],
    ['/api/linksx', false],
    ['/api/metrics', false],
    ['/pay', false],
    ['/api/webhooks/stripe', false],
    [undefined, false],
  ])('%s is the merchant API: %s', (url, expected) => {
    expect(isMerchantApi(url)).toBe(expected);
  });
});
