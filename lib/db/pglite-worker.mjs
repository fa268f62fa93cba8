/**
 * PGlite on a thread of its own (lib/db/pglite-thread.ts starts it and speaks for it): the
 * database's WebAssembly and its JavaScript run here, so a burst of statements never holds the
 * server's event loop. Plain JavaScript: Node runs a worker's file as it is.
 *
 * Messages in: { id, kind: 'query' | 'exec' | 'begin' | 'end' | 'close', tx?, sql?, params?, options?, commit? }.
 * Messages out: { kind: 'ready' } once open, { kind: 'failed', error } if it cannot open, then
 * { id, ok: true, result } or { id, ok: false, error } for each message in.
 */
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

/** The error as plain data: message, name, and Postgres' fields (code, constraint, detail, …). */
function plainError(err) {
  if (!(err instanceof Error)) return { name: 'Error', message: String(err) };
  const out = { name: err.name, message: err.message, stack: err.stack };
  for (const [key, value] of Object.entries(err)) {
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) out[key] = value;
  }
  return out;
}

/** Values of the types the caller parses itself come back as Postgres' text. */
const identity = (value) => value;
function queryOptions(options) {
  if (!options) return undefined;
  return { rowMode: options.rowMode, parsers: Object.fromEntries((options.rawTypes ?? []).map((type) => [type, identity])) };
}

/** Thrown into a transaction the caller ended without committing: PGlite rolls it back. */
const ROLLED_BACK = Symbol('rolled back');

async function main() {
  const { dataDir, template } = workerData;
  let db;
  try {
    db = await PGlite.create(dataDir, template ? { loadDataDir: new Blob([await readFile(template)]) } : {});
  } catch (err) {
    parentPort.postMessage({ kind: 'failed', error: plainError(err) });
    return;
  }
  /** Open transactions by the caller's number: PGlite's handle, and how to end it. */
  const open = new Map();

  function begin(tx) {
    return new Promise((started, failed) => {
      const ended = db.transaction(
        (handle) =>
          new Promise((commit, rollback) => {
            open.set(tx, { handle, commit, rollback, ended });
            started();
          }),
      );
      // Failing before it started (BEGIN refused) reaches the caller here; after, through 'end'.
      ended.catch(failed);
    });
  }

  async function end(tx, commit) {
    const t = open.get(tx);
    if (!t?.commit) throw new Error(`no open transaction ${tx}`);
    open.delete(tx);
    if (commit) t.commit();
    else t.rollback(ROLLED_BACK);
    try {
      await t.ended;
    } catch (err) {
      if (err !== ROLLED_BACK) throw err;
    }
  }

  const target = (tx) => {
    if (tx === undefined) return db;
    const t = open.get(tx);
    if (!t?.handle) throw new Error(`no open transaction ${tx}`);
    return t.handle;
  };

  async function handle(m) {
    switch (m.kind) {
      case 'query':
        return target(m.tx).query(m.sql, m.params, queryOptions(m.options));
      case 'exec':
        return target(m.tx).exec(m.sql);
      case 'begin':
        return begin(m.tx);
      case 'end':
        return end(m.tx, m.commit);
      case 'close':
        await db.close();
        return undefined;
      default:
        throw new Error(`unknown message ${String(m.kind)}`);
    }
  }

  parentPort.on('message', (m) => {
    handle(m).then(
      (result) => {
        parentPort.postMessage({ id: m.id, ok: true, result });
        // Closed: the thread ends once nothing holds its port open.
        if (m.kind === 'close') parentPort.close();
      },
      (err) => parentPort.postMessage({ id: m.id, ok: false, error: plainError(err) }),
    );
  });
  parentPort.postMessage({ kind: 'ready' });
}

void main();
