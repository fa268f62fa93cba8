import { describe, expect, it } from 'vitest';
import { TtlCache } from './ttl-cache';

describe('TtlCache', () => {
  it('shares one load among concurrent callers and reloads after the TTL', async () => {
    let t = 0;
    let loads = 0;
    const cache = new TtlCache<number>(1000, 10, () => t);
    const load = async () => ++loads;
    expect(await Promise.all([cache.get('a', load), cache.get('a', load)])).toEqual([1, 1]);
    t = 999;
    expect(await cache.get('a', load)).toBe(1);
    t = 1000;
    expect(await cache.get('a', load)).toBe(2);
  });

  it('does not keep a failure', async () => {
    const cache = new TtlCache<number>(1000);
    await expect(cache.get('a', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('a', async () => 7)).toBe(7);
  });

  it('forgets a deleted key and keeps at most maxEntries', async () => {
    const cache = new TtlCache<number>(1000, 2);
    await cache.get('a', async () => 1);
    cache.delete('a');
    expect(await cache.get('a', async () => 2)).toBe(2);
    await cache.get('b', async () => 3);
    await cache.get('c', async () => 4);
    expect(await cache.get('a', async () => 5)).toBe(5);
  });

  it('drops a key deleted while it loads, without failing the callers already waiting', async () => {
    const cache = new TtlCache<number>(1000);
    let finish: (v: number) => void = () => {};
    const waiting = cache.get('a', () => new Promise<number>((resolve) => (finish = resolve)));
    cache.delete('a');
    finish(1);
    expect(await waiting).toBe(1);
    expect(await cache.get('a', async () => 2)).toBe(2); // the old load was not put back
  });

  it('evicts the least recently used entry, not the oldest', async () => {
    const cache = new TtlCache<number>(1000, 2);
    await cache.get('a', async () => 1);
    await cache.get('b', async () => 2);
    await cache.get('a', async () => 0); // a is used again
    await cache.get('c', async () => 3); // so b goes
    expect(await cache.get('a', async () => 9)).toBe(1);
    expect(await cache.get('b', async () => 9)).toBe(9);
  });
});
