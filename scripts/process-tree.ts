/**
 * A process and every process under it, read from /proc (Linux), and their priority changed at
 * once: `npm test` moves its background lane further back when a step that must run alone starts.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** `pid` and its descendants alive now; only `pid` where /proc cannot be read. */
export function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return [pid];
  }
  for (const entry of entries) {
    try {
      // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      /* ended while we read */
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i] ?? -1) ?? []));
  return tree;
}

/** Sets the niceness of `pid`'s whole tree (processes it starts later inherit it); false if renice failed. */
export function reniceTree(pid: number, niceness: number): boolean {
  try {
    execFileSync('renice', ['-n', String(niceness), '-p', ...processTree(pid).map(String)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
