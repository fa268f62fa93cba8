import { describe, expect, it, vi } from 'vitest';
import { log } from '@/lib/log';
import { createAfterResponses } from './after-responses';

/** A schedule that runs nothing until the test says so (as after() waits for the response). */
function heldSchedule() {
  const tasks: Array<() => Promise<unknown>> = [];
  return { schedule: (_name: string, task: () => Promise<unknown>) => void tasks.push(task), tasks };
}

/** Attempts the test finishes by hand. */
function heldAttempts() {
  const started: string[] = [];
  const finish = new Map<string, (ok: boolean) => void>();
  const attempt = (id: string) =>
    new Promise<void>((resolve, reject) => {
      started.push(id);
      finish.set(id, (ok) => (ok ? resolve() : reject(new Error(`attempt ${id} failed`))));
    });
  const settle = async (id: string, ok = true) => {
    finish.get(id)?.(ok);
    for (let i = 0; i < 5; i++) await new Promise<void>((r) => setImmediate(r));
  };
  return { attempt, started, settle };
}

describe('registrations tried after their responses', () => {
  it('a burst schedules one drain, not one task per callback, and repeats of an id are tried once', async () => {
    const s = heldSchedule();
    const a = heldAttempts();
    const after = createAfterResponses({ schedule: s.schedule, attempt: a.attempt, concurrency: 2 });
    ['r1', 'r2', 'r3', 'r2', 'r4'].forEach(after);
    expect(s.tasks).toHaveLength(1);
    expect(a.started).toEqual([]); // nothing before the response
    const drained = s.tasks[0]?.();
    await a.settle('none');
    expect(a.started).toEqual(['r1', 'r2']); // at most `concurrency` at once
    await a.settle('r1');
    expect(a.started).toEqual(['r1', 'r2', 'r3']);
    await a.settle('r2');
    await a.settle('r3');
    await a.settle('r4');
    await drained;
    expect(a.started).toEqual(['r1', 'r2', 'r3', 'r4']);
  });

  it('ids added while a drain runs join it; once it has finished, the next id schedules a new one', async () => {
    const s = heldSchedule();
    const a = heldAttempts();
    const after = createAfterResponses({ schedule: s.schedule, attempt: a.attempt, concurrency: 1 });
    after('r1');
    const first = s.tasks[0]?.();
    await a.settle('none');
    after('r2');
    expect(s.tasks).toHaveLength(1);
    await a.settle('r1');
    expect(a.started).toEqual(['r1', 'r2']);
    await a.settle('r2');
    await first;
    after('r3');
    expect(s.tasks).toHaveLength(2);
  });

  it('a failed attempt is logged and the others are still tried', async () => {
    const error = vi.spyOn(log, 'error').mockImplementation(() => undefined);
    const s = heldSchedule();
    const a = heldAttempts();
    const after = createAfterResponses({ schedule: s.schedule, attempt: a.attempt, concurrency: 1 });
    after('bad');
    after('good');
    const drained = s.tasks[0]?.();
    await a.settle('bad', false);
    expect(a.started).toEqual(['bad', 'good']);
    await a.settle('good');
    await drained;
    expect(error).toHaveBeenCalledWith({ err: expect.any(Error), registration: 'bad' }, 'registration not tried after its response');
    error.mockRestore();
  });
});
