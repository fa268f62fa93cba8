import { describe, expect, it } from 'vitest';
import { groupCommit } from './group-commit';

/** A write whose statements the test finishes by hand, recording the items each carried. */
function heldWrite(fail: (items: number[]) => boolean = () => false) {
  const statements: number[][] = [];
  const pending: Array<() => void> = [];
  const write = (items: number[]) =>
    new Promise<string[]>((resolve, reject) => {
      statements.push(items);
      pending.push(() => (fail(items) ? reject(new Error(`bad group ${items.join(',')}`)) : resolve(items.map((n) => `stored ${n}`))));
    });
  const finishNext = async () => {
    const next = pending.shift();
    if (!next) throw new Error('no statement in flight');
    next();
    await new Promise<void>((r) => setImmediate(r));
  };
  return { write, statements, finishNext };
}

describe('group commit', () => {
  it('a lone write goes at once, in a statement of its own', async () => {
    const w = heldWrite();
    const submit = groupCommit(w.write, { inFlight: 1, maxGroup: 10 });
    const one = submit(1);
    expect(w.statements).toEqual([[1]]);
    await w.finishNext();
    expect(await one).toBe('stored 1');
  });

  it('writes arriving while one is in flight share the next statement, and each caller gets its own answer', async () => {
    const w = heldWrite();
    const submit = groupCommit(w.write, { inFlight: 1, maxGroup: 10 });
    const answers = [1, 2, 3, 4].map((n) => submit(n));
    expect(w.statements).toEqual([[1]]);
    await w.finishNext();
    expect(w.statements).toEqual([[1], [2, 3, 4]]);
    await w.finishNext();
    expect(await Promise.all(answers)).toEqual(['stored 1', 'stored 2', 'stored 3', 'stored 4']);
  });

  it('no caller is answered before the statement carrying its item has finished', async () => {
    const w = heldWrite();
    const submit = groupCommit(w.write, { inFlight: 1, maxGroup: 10 });
    const answered: number[] = [];
    [1, 2, 3].forEach((n) => void submit(n).then(() => answered.push(n)));
    await w.finishNext();
    expect(answered).toEqual([1]);
    await w.finishNext();
    expect(answered).toEqual([1, 2, 3]);
  });

  it('keeps at most inFlight statements running and maxGroup items in each', async () => {
    const w = heldWrite();
    const submit = groupCommit(w.write, { inFlight: 2, maxGroup: 2 });
    const answers = [1, 2, 3, 4, 5, 6, 7].map((n) => submit(n));
    expect(w.statements).toEqual([[1], [2]]);
    await w.finishNext();
    expect(w.statements).toEqual([[1], [2], [3, 4]]);
    await w.finishNext();
    await w.finishNext();
    await w.finishNext();
    expect(w.statements).toEqual([[1], [2], [3, 4], [5, 6], [7]]);
    await w.finishNext();
    expect(await Promise.all(answers)).toHaveLength(7);
  });

  it('a failed group is written again item by item: only the bad item fails, the others are stored', async () => {
    const w = heldWrite((items) => items.includes(3));
    const submit = groupCommit(w.write, { inFlight: 1, maxGroup: 10 });
    const answers = [1, 2, 3, 4].map((n) => submit(n).catch((err: Error) => err.message));
    await w.finishNext();
    await w.finishNext(); // [2, 3, 4] fails; each goes again alone, one after another
    expect(w.statements.slice(2)).toEqual([[2]]);
    await w.finishNext();
    await w.finishNext();
    await w.finishNext();
    expect(w.statements.slice(2)).toEqual([[2], [3], [4]]);
    expect(await Promise.all(answers)).toEqual(['stored 1', 'stored 2', 'bad group 3', 'stored 4']);
  });

  it('a write answering the wrong number of items fails its callers rather than answer them wrongly', async () => {
    const submit = groupCommit(async () => [], { inFlight: 1, maxGroup: 10 });
    await expect(submit(1)).rejects.toThrow('answered nothing');
  });
});
