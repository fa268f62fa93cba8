import { describe, expect, it } from 'vitest';
import { createPriorityLane, onLane } from './priority-lane';

const tick = () => new Promise<void>((r) => setImmediate(r));
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

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
  it('still gets a statement once it has waited minGapMs', async () => {
    const lane = createPriorityLane({ quietMs: 5, minGapMs: 40 });
    let finish!: () => void;
    const endless = lane.foreground(() => new Promise<void>((r) => (finish = r)));
    const started = Date.now();
    await lane.background(async () => undefined);
    expect(Date.now() - started).toBeGreaterThanOrEqual(35);
    finish();
    await endless;
  });

  it('takes at most its share of the time: after a unit that held the connection long, the next of its kind waits in proportion, a statement meanwhile goes', async () => {
    // share 0.5: requests get as long as the last transactions held it (a running average: the first guess, 50 ms, and 200 ms).
    const lane = createPriorityLane({ quietMs: 5, share: 0.5, minGapMs: 10 });
    let finish!: () => void;
    const endless = lane.foreground(() => new Promise<void>((r) => (finish = r)));
    const at: Record<string, number> = {};
    const first = lane.background(async () => {
      await sleep(200);
      at.firstEnd = Date.now();
    }, 'transaction');
    await sleep(5);
    const second = lane.background(async () => void (at.second = Date.now()), 'transaction');
    const statement = lane.background(async () => void (at.statement = Date.now()), 'statement');
    await Promise.all([first, second, statement]);
    expect(at.statement).toBeLessThan(at.second ?? 0);
    expect((at.second ?? 0) - (at.firstEnd ?? 0)).toBeGreaterThanOrEqual(115); // (50 + 200) / 2, less the timer's slack
    finish();
    await endless;
  });

  it('waits no longer than maxGapMs, however long the last unit held the connection', async () => {
    const lane = createPriorityLane({ quietMs: 5, share: 0.01, minGapMs: 10, maxGapMs: 150 });
    let finish!: () => void;
    const endless = lane.foreground(() => new Promise<void>((r) => (finish = r)));
    await lane.background(() => sleep(100), 'transaction'); // ~10 s of gap at a 1 % share, but capped
    const started = Date.now();
    await lane.background(async () => undefined, 'transaction');
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(140);
    expect(waited).toBeLessThan(2_000);
    finish();
    await endless;
  });

  it('goes at once in a quiet moment, a transaction like a statement', async () => {
    const lane = createPriorityLane({ quietMs: 5, minGapMs: 10_000 });
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
