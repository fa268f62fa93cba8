import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { log } from '@/lib/log';

/** A row set as PGlite answers it (what drizzle's PGlite driver reads). */
type ThreadResults = { rows: unknown[]; fields: Array<{ name: string; dataTypeID: number }>; affectedRows?: number };
type Parsers = Record<number, (value: string, typeId: number) => unknown>;
type QueryOptions = { rowMode?: 'array' | 'object'; parsers?: Parsers };

/** The statements drizzle's PGlite driver uses, inside a transaction or not. */
type ThreadClient = {
  query(sql: string, params?: unknown[], options?: QueryOptions): Promise<ThreadResults>;
  exec(sql: string): Promise<ThreadResults[]>;
};
export type PgliteThread = ThreadClient & {
  transaction<T>(run: (tx: ThreadClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: Record<string, unknown> };
type Ready = { kind: 'ready' } | { kind: 'failed'; error: Record<string, unknown> };

const WORKER_FILE = path.join(process.cwd(), 'lib/db/pglite-worker.mjs');

/** The worker's error as an Error again, Postgres' fields (code, constraint, …) on it as node-postgres has them. */
function errorFrom(plain: Record<string, unknown>): Error {
  const { message, stack: _stack, ...fields } = plain;
  return Object.assign(new Error(typeof message === 'string' ? message : 'PGlite failed'), fields);
}

/** Values the caller parses itself (drizzle keeps dates as Postgres' text): the worker sends the text, parsed here. */
function parseOwnTypes(results: ThreadResults, parsers: Parsers | undefined, rowMode: QueryOptions['rowMode']): ThreadResults {
  if (!parsers) return results;
  results.fields.forEach((field, column) => {
    const parse = parsers[field.dataTypeID];
    if (!parse) return;
    for (const row of results.rows as Array<Record<string | number, unknown>>) {
      const key = rowMode === 'array' ? column : field.name;
      if (typeof row[key] === 'string') row[key] = parse(row[key], field.dataTypeID);
    }
  });
  return results;
}

/**
 * PGlite on a worker thread of its own (lib/db/pglite-worker.mjs), spoken to as drizzle speaks
 * to PGlite: the database's CPU no longer holds this process's event loop, so requests are
 * read, answered and timed out on time while statements run. Statements are taken one at a
 * time, in the order sent, as PGlite takes them; a transaction holds the database until it ends.
 */
export async function startPgliteThread(opts: { dataDir: string; template?: string }): Promise<PgliteThread> {
  const worker = new Worker(WORKER_FILE, { workerData: { dataDir: opts.dataDir, template: opts.template } });
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (err: Error) => void }>();
  let nextId = 1;
  let nextTx = 1;
  let stopped: Error | null = null;

  const stop = (err: Error) => {
    stopped ??= err;
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  // Open, or why not (the Worker's own listeners stay: they keep its port referenced).
  await new Promise<void>((resolve, reject) => {
    const exited = (code: number) => settle(new Error(`PGlite's thread stopped while opening (exit ${code})`));
    const first = (m: Ready) => settle(m.kind === 'ready' ? null : errorFrom(m.error));
    const settle = (err: Error | null) => {
      worker.off('message', first).off('error', settle).off('exit', exited);
      if (err) reject(err);
      else resolve();
    };
    worker.on('message', first).on('error', settle).on('exit', exited);
  });
  worker.on('message', (m: Reply) => {
    const w = waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id);
    if (m.ok) w.resolve(m.result);
    else w.reject(errorFrom(m.error));
  });
  worker.on('error', (err) => {
    log.error({ err }, "PGlite's thread failed");
    stop(err);
  });
  worker.on('exit', (code) => stop(new Error(`PGlite's thread stopped (exit ${code})`)));

  const call = <T>(message: Record<string, unknown>): Promise<T> => {
    if (stopped) return Promise.reject(stopped);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ ...message, id });
    });
  };

  const client = (tx?: number): ThreadClient => ({
    query: async (sql, params = [], options) => {
      const rawTypes = options?.parsers ? Object.keys(options.parsers).map(Number) : undefined;
      const results = await call<ThreadResults>({ kind: 'query', tx, sql, params, options: options && { rowMode: options.rowMode, rawTypes } });
      return parseOwnTypes(results, options?.parsers, options?.rowMode);
    },
    exec: (sql) => call<ThreadResults[]>({ kind: 'exec', tx, sql }),
  });

  return {
    ...client(),
    async transaction(run) {
      const tx = nextTx++;
      await call({ kind: 'begin', tx });
      let result;
      try {
        result = await run(client(tx));
      } catch (err) {
        await call({ kind: 'end', tx, commit: false }).catch(() => undefined);
        throw err;
      }
      await call({ kind: 'end', tx, commit: true });
      return result;
    },
    async close() {
      if (stopped) return;
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      await call({ kind: 'close' });
      await exited;
    },
  };
}
