import { LRUCache } from 'lru-cache';

/**
 * A small in-process cache with a time to live, sharing one in-flight promise among callers
 * (a busy page makes one Fenerum call, not fifty). Failures are not cached. Built on lru-cache
 * (TTL and a bound on entries, least recently used out first); the promise itself is what is
 * stored, so `delete` during a load drops the entry without failing the callers already waiting
 * (lru-cache's own `fetch` would abort them).
 */
export class TtlCache<V> {
  private readonly entries: LRUCache<string, Promise<V>>;

  constructor(ttlMs: number, maxEntries = 1000, now: () => number = Date.now) {
    this.entries = new LRUCache<string, Promise<V>>({
      max: maxEntries,
      // lru-cache calls an entry stale only after more than `ttl` ms; ours is stale at `ttlMs`.
      ttl: Math.max(1, ttlMs - 1),
      // Read the clock on every check (the default caches it for 1 ms, which a fake clock defeats).
      ttlResolution: 0,
      // lru-cache takes a start time of 0 for "no TTL": a clock that begins at 0 (a test's) is moved off it.
      perf: { now: () => now() + 1 },
    });
  }

  get(key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit) return hit;
    const value = load();
    this.entries.set(key, value);
    value.catch(() => {
      if (this.entries.peek(key) === value) this.entries.delete(key);
    });
    return value;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}
