import { describe, expect, it } from 'vitest';
import { dueFor } from './vacuum';

const table = (rows: number, deadRows: number, changedSinceAnalyze = 0) => ({ table: 't', rows, deadRows, changedSinceAnalyze });

describe("autovacuum's thresholds, for PGlite", () => {
  it('vacuums a table once its dead rows pass 50 + 20% of its rows', () => {
    expect(dueFor(table(1000, 250))).toBeNull();
    expect(dueFor(table(1000, 251))).toBe('vacuum');
    expect(dueFor(table(20_000, 4050))).toBeNull();
    expect(dueFor(table(20_000, 4051))).toBe('vacuum');
  });

  it('a table never vacuumed or analyzed (reltuples -1) counts as empty: 51 dead rows are enough', () => {
    expect(dueFor(table(-1, 50))).toBeNull();
    expect(dueFor(table(-1, 51))).toBe('vacuum');
  });

  it('only analyzes a table whose changes since its last analyze pass 50 + 10% but whose dead rows do not', () => {
    expect(dueFor(table(1000, 10, 150))).toBeNull();
    expect(dueFor(table(1000, 10, 151))).toBe('analyze');
    expect(dueFor(table(-1, 0, 51))).toBe('analyze');
  });

  it('a vacuum includes the analyze: a table due for both is vacuumed', () => {
    expect(dueFor(table(100, 500, 500))).toBe('vacuum');
  });
});
