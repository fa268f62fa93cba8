/**
 * One value per server process. Next bundles route handlers, pages and instrumentation
 * separately, so a plain module-level `let` exists once per bundle: a rate limiter or a cache
 * kept that way would not see the others' requests. `globalThis` is shared by all of them
 * (and survives hot reloads in development).
 */
export function processSingleton<T>(key: string, create: () => T): T {
  const store = globalThis as typeof globalThis & Record<symbol, unknown>;
  const symbol = Symbol.for(`card-portal:${key}`);
  if (!(symbol in store)) store[symbol] = create();
  return store[symbol] as T;
}
