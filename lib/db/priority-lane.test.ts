import { describe, expect, it } from 'vitest';
import { createPriorityLane, onLane } from './priority-lane';

const tick = () => new Promise<void>((r) => setImmediate(r));

describe('the priority lane', () => {
  it('holds a background statement while a request has one running, then lets it go', async () => {
    const lane = createPriorityLane();
    const order: string[] = [];
    let finishRequest!: () => void;
    const request = lane.foreground(() => new Promise<void>((r) => (finishRequest = r)).then(() => void order.push('request')));
    const background = lane.background(async () => void order.push('background'));
    await tick();
    await tick();
    expect(order).toEqual([]);
    finishRequest();
    await Promise.all([request, background]);
    expect(order).toEqual(['request', 'background']);
  });

  it('a request arriving while background work waits goes first', async () => {
    const lane = createPriorityLane();
    const order: string[] = [];
    let finishFirst!: () => void;
    const first = lane.foreground(() => new Promise<void>((r) => (finishFirst = r)));
    const background = lane.background(async () => void order.push('background'));
    const second = lane.foreground(async () => void order.push('second'));
    finishFirst();
    await Promise.all([first, second, background]);
    expect(order).toEqual(['second', 'background']);
  });

  it('background work runs at once when nothing else is there, and a failure reaches its caller', async () => {
    const lane = createPriorityLane();
    expect(await lane.background(async () => 42)).toBe(42);
    await expect(lane.foreground(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(lane.busy).toBe(0);
  });

  it('onLane sends query, exec and transaction through the lane and leaves the rest alone', async () => {
    const lane = createPriorityLane();
    const client = { n: 7, query: async (s: string) => `q:${s}`, exec: async () => 'e', transaction: async () => 't', close: async () => 'c' };
    const seen: number[] = [];
    const laned = onLane(client, (run) => lane.foreground(() => (seen.push(lane.busy), run())));
    expect(await laned.query('select 1')).toBe('q:select 1');
    expect(await laned.exec()).toBe('e');
    expect(await laned.transaction()).toBe('t');
    expect(await laned.close()).toBe('c');
    expect(laned.n).toBe(7);
    expect(seen).toEqual([1, 1, 1]);
  });
});

describe('background work on the lane', () => {
  it('runs one statement at a time, so a request never waits behind a crowd of them', async () => {
    const lane = createPriorityLane();
    let running = 0;
    let most = 0;
    const order: string[] = [];
    const work = Array.from({ length: 5 }, (_, i) =>
      lane.background(async () => {
        most = Math.max(most, ++running);
        await tick();
        order.push(`b${i}`);
        running--;
      }),
    );
    await tick();
    const request = lane.foreground(async () => void order.push('request'));
    await Promise.all([...work, request]);
    expect(most).toBe(1);
    // The request came in while the first background statement ran: it went next, before the other four.
    expect(order.indexOf('request')).toBeLessThanOrEqual(1);
  });
});

describe('background work under endless requests', () => {
  it('still gets a statement once it has waited starveMs', async () => {
    const lane = createPriorityLane({ quietMs: 5, starveMs: 40 });
    let finish!: () => void;
    const endless = lane.foreground(() => new Promise<void>((r) => (finish = r)));
    const started = Date.now();
    await lane.background(async () => undefined);
    expect(Date.now() - started).toBeGreaterThanOrEqual(35);
    finish();
    await endless;
  });
});

describe('a background transaction under endless requests', () => {
  it('waits transactionStarveMs (it holds the connection across round trips), while a statement behind it goes at starveMs', async () => {
    const lane = createPriorityLane({ quietMs: 5, starveMs: 30, transactionStarveMs: 150 });
    let finish!: () => void;
    const endless = lane.foreground(() => new Promise<void>((r) => (finish = r)));
    const started = Date.now();
    const order: Array<[string, number]> = [];
    const transaction = lane.background(async () => void order.push(['transaction', Date.now() - started]), 'transaction');
    const statement = lane.background(async () => void order.push(['statement', Date.now() - started]), 'statement');
    await Promise.all([transaction, statement]);
    expect(order.map(([what]) => what)).toEqual(['statement', 'transaction']);
    expect(order[1]?.[1]).toBeGreaterThanOrEqual(140);
    finish();
    await endless;
  });

  it('goes at once in a quiet moment, like a statement', async () => {
    const lane = createPriorityLane({ quietMs: 5, starveMs: 30, transactionStarveMs: 10_000 });
    expect(await lane.background(async () => 'done', 'transaction')).toBe('done');
  });
});

describe('onLane and the kind of work', () => {
  it('tells the lane a transaction from a statement', async () => {
    const kinds: string[] = [];
    const client = { query: async () => 'q', exec: async () => 'e', transaction: async () => 't' };
    const laned = onLane(client, (run, kind) => (kinds.push(kind), run()));
    await laned.query();
    await laned.exec();
    await laned.transaction();
    expect(kinds).toEqual(['statement', 'statement', 'transaction']);
  });
});
