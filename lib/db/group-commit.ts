/**
 * Group commit: writes that arrive while others are being written go together in the next
 * statement, so a burst costs a few statements (and commits) instead of one each, and a lone
 * write is sent at once (no timer, no added wait when the database is idle). Each caller is
 * answered only when the statement carrying its item has committed, so nothing is acknowledged
 * that is not stored. If a group's statement fails, each of its items is written again alone:
 * one bad item costs only its own caller.
 */
export type GroupCommitOptions = {
  /** Statements in flight at once: 1 for one connection; more lets a pool's connections work side by side. */
  inFlight: number;
  /** Items in one statement at most (its parameter and its plan stay small). */
  maxGroup: number;
};

export function groupCommit<I, O>(write: (items: I[]) => Promise<O[]>, opts: GroupCommitOptions): (item: I) => Promise<O> {
  type Waiter = { item: I; resolve: (out: O) => void; reject: (err: unknown) => void };
  const waiting: Waiter[] = [];
  let running = 0;

  const writeAlone = async (w: Waiter) => {
    try {
      const [out] = await write([w.item]);
      if (out === undefined) throw new Error('group commit: the write answered nothing for its item');
      w.resolve(out);
    } catch (err) {
      w.reject(err);
    }
  };

  const writeGroup = async (group: Waiter[]) => {
    if (group.length === 1 && group[0]) return writeAlone(group[0]);
    let outs: O[];
    try {
      outs = await write(group.map((w) => w.item));
      if (outs.length !== group.length) throw new Error(`group commit: ${outs.length} answers for ${group.length} items`);
    } catch {
      // Which item failed is unknown: each goes again alone (one after another, in this
      // statement's turn), so the others are still stored.
      for (const w of group) await writeAlone(w);
      return;
    }
    group.forEach((w, i) => w.resolve(outs[i] as O));
  };

  const pump = () => {
    while (running < opts.inFlight && waiting.length > 0) {
      const group = waiting.splice(0, opts.maxGroup);
      running++;
      void writeGroup(group).finally(() => {
        running--;
        pump();
      });
    }
  };

  return (item) =>
    new Promise<O>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      pump();
    });
}
