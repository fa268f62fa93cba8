import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { processTree, reniceTree } from './process-tree';

const niceness = (pid: number) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
};

describe('processTree and reniceTree', () => {
  it('find a process’s grandchildren and move them all back, and leave this process alone', async () => {
    // bash → sleep: the grandchild is what a step's `nice … bash -c vitest` tree has under it.
    const child = spawn('bash', ['-c', 'sleep 30 & echo $!; wait'], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const grandchild = Number(await new Promise<string>((r) => child.stdout.once('data', (d: Buffer) => r(d.toString().trim()))));
      const pid = child.pid ?? 0;
      expect(processTree(pid)).toEqual(expect.arrayContaining([pid, grandchild]));
      expect(processTree(pid)).not.toContain(process.pid);

      expect(reniceTree(pid, 7)).toBe(true);
      expect([niceness(pid), niceness(grandchild)]).toEqual([7, 7]);
      expect(niceness(process.pid)).not.toBe(7);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('a process that is gone is only itself, and cannot be reniced', () => {
    expect(processTree(2 ** 22 + 1)).toEqual([2 ** 22 + 1]);
    expect(reniceTree(2 ** 22 + 1, 7)).toBe(false);
  });
});
