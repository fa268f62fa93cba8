import { vi } from 'vitest';
import { appContext } from '@/lib/server/context';

/** Every statement the request database's driver is handed while `run` runs (node-postgres' Pool and PGlite both take `query`). */
export async function statementsDuring<T>(run: () => Promise<T>): Promise<{ result: T; statements: number }> {
  const { db } = await appContext();
  const client = (db as unknown as { $client: { query: (...args: unknown[]) => unknown } }).$client;
  const spy = vi.spyOn(client, 'query');
  try {
    const result = await run();
    return { result, statements: spy.mock.calls.length };
  } finally {
    spy.mockRestore();
  }
}
