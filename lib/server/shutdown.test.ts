import { describe, expect, it } from 'vitest';
import { createShutdown, type ShutdownPlan } from './shutdown';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const later = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function plan(over: Partial<ShutdownPlan>, order: string[]): ShutdownPlan {
  return {
    graceMs: 1_000,
    work: [],
    idle: async () => void order.push('idle'),
    release: async () => {
      order.push('release');
      return {};
    },
    log: quiet,
    ...over,
  };
}

describe('the stop on SIGTERM', () => {
  it('stops every worker, waits for the work after responses, then gives leases back, in that order', async () => {
    const order: string[] = [];
    const stop = (name: string, ms: number) => ({ name, stop: () => later(ms).then(() => void order.push(`stopped ${name}`)) });
    const s = createShutdown(plan({ work: [stop('registrations', 30), stop('mail', 10)] }, order));
    expect(s.draining).toBe(false);
    const done = s.begin('SIGTERM');
    expect(s.draining).toBe(true);
    await done;
    expect(order).toEqual(['stopped mail', 'stopped registrations', 'idle', 'release']);
  });

  it('gives the leases back when the grace is over, without waiting for work still in flight', async () => {
    const order: string[] = [];
    const hung = { name: 'registrations', stop: () => new Promise<void>(() => undefined) };
    const started = Date.now();
    await createShutdown(plan({ graceMs: 100, work: [hung] }, order)).begin('SIGTERM');
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(order).toEqual(['release']);
  });

  it('begins once: a second signal waits for the same stop', async () => {
    const order: string[] = [];
    const s = createShutdown(plan({}, order));
    await Promise.all([s.begin('SIGTERM'), s.begin('SIGINT')]);
    expect(order).toEqual(['idle', 'release']);
  });

  it('a worker whose stop fails does not keep the others from stopping, nor the leases from going back', async () => {
    const order: string[] = [];
    const failing = { name: 'mail', stop: () => Promise.reject(new Error('smtp gone')) };
    await createShutdown(plan({ work: [failing] }, order)).begin('SIGTERM');
    expect(order).toEqual(['idle', 'release']);
  });
});
