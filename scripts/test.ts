/**
 * `npm test`: format, lint, knip, cycles, type check, unit, browser (the emulators' pages in
 * Chromium), integration (PGlite, and a real Postgres when TEST_DATABASE_URL is set), the
 * production build, and the end-to-end tests against that build: the load-sensitive ones (tagged
 * `@load`) last and alone.
 *
 * Each step starts as soon as the steps it waits for have passed (`after`), not stage by stage:
 * the checks, unit, browser and the build at once; the e2e tests once the build, the checks and
 * unit have passed; integration once unit has, in the background lane beside the e2e tests
 * (`nice -n 3`: behind them, not starved); `@load` after every other step, alone. The first
 * failure starts nothing new; the run ends with a summary: each step's time and CPU, its test
 * counts, every test that failed (with its error's first line) and every test that passed only on
 * its retry (flaky), by name.
 * `npm test -- <step name prefix>…` runs only those steps (e.g. `npm test -- unit e2e`).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RunSummary } from '../test/support/run-summary';

type Step = {
  name: string;
  cmd: string[];
  env?: Record<string, string>;
  /** Steps that must have passed first (those left out of the run by a filter are not waited for). */
  after?: string[];
  /**
   * Niced: behind the build → e2e chain. At 10 (a tenth of their weight) the integration tests,
   * which mostly wait on timers and round trips, got so little CPU beside the e2e tests that their
   * own deadlines passed (CI: 98 s of CPU in 917 s, three tests out of time); at 3, half their weight.
   */
  background?: boolean;
  /** Its output streams (it runs with the machine to itself); others print theirs whole at their end. */
  alone?: boolean;
};
type Done = { step: Step; ok: boolean; secs: number; cpu: number | undefined; runs: RunSummary[] };

const only = process.argv.slice(2);
const runs = (name: string) => !only.length || only.some((o) => name.startsWith(o));
const vitest = (...projects: string[]) => ['npx', 'vitest', 'run', ...projects.flatMap((p) => ['--project', p])];
// The Postgres run's sandbox sits next to the PGlite run's (a sandbox takes five ports), so both run at once.
const sandboxPort = Number(process.env.TEST_SANDBOX_PORT ?? 4300);
const integrationProjects = vitest('integration', 'integration-isolated');
const integration: Step[] = [{ name: 'integration (PGlite)', cmd: integrationProjects, env: { TEST_DB: 'pglite' }, after: ['unit'], background: true }];
if (process.env.TEST_DATABASE_URL) {
  const env = { TEST_DB: 'postgres', TEST_SANDBOX_PORT: String(sandboxPort + 5) };
  integration.push({ name: 'integration (Postgres)', cmd: integrationProjects, env, after: ['unit'], background: true });
} else {
  console.log('(TEST_DATABASE_URL is not set: the database tests run on PGlite only)');
}

const checks: Step[] = [
  { name: 'format', cmd: ['npx', 'prettier', '--check', '.'] },
  { name: 'lint', cmd: ['npx', 'eslint', '.', '--max-warnings=0'] },
  // Unused files, exports and dependencies (knip.jsonc names the entry points its plugins cannot see).
  { name: 'knip', cmd: ['npx', 'knip'] },
  // No import cycle at run time (package.json's "madge" skips `import type`).
  { name: 'cycles', cmd: ['npm', 'run', '--silent', 'cycles'] },
  { name: 'type check', cmd: ['npx', 'tsc', '--noEmit'] },
];
const checked = checks.map((c) => c.name);
const steps: Step[] = [
  ...checks,
  // At normal priority: the end-to-end tests wait for it (11 s of CPU).
  { name: 'unit', cmd: vitest('unit') },
  // In a real Chromium (the emulators' pages).
  { name: 'browser', cmd: vitest('browser'), background: true },
  ...integration,
  // Its TypeScript pass is the type check step's (next.config.js): nothing uses the build before that has passed.
  { name: 'build', cmd: ['npx', 'next', 'build'], env: runs('type check') ? { CARD_PORTAL_TYPES_CHECKED: '1' } : {} },
  // After the checks too: started beside them (niced) it took 532 s instead of 439 s, as they slowed
  // its one app server more than they saved by starting it 70 s sooner.
  { name: 'e2e', cmd: ['npx', 'playwright', 'test', '--grep-invert', '@load'], after: ['build', ...checked, 'unit'] },
];
// Timings and a burst: after everything else at normal priority, which would disturb them, one
// test at a time, after the background lane too: niced, its Postgres queries still are not (the
// server's processes are not its children), and the burst of 1,000 callbacks beside it once
// registered 775 in the 150 s it had (CI, then 1,000 in 100 s on the retry).
const others = steps.map((s) => s.name);
steps.push({ name: 'e2e @load', cmd: ['npx', 'playwright', 'test', '--grep', '@load', '--workers', '1'], after: others, alone: true });

const BACKGROUND_NICE = 3;
const summaries = mkdtempSync(path.join(tmpdir(), 'npm-test-'));
const baseEnv = { NEXT_TELEMETRY_DISABLED: '1', ...process.env };

/** Runs a step; alone, its output streams; beside others, it is printed whole when the step ends. */
function run(step: Step, index: number): Promise<Done> {
  const alone = step.alone ?? false;
  const started = Date.now();
  const summaryFile = path.join(summaries, `${index}.jsonl`);
  const cpuFile = path.join(summaries, `${index}.cpu`);
  console.log(`▶ ${step.name}${step.background ? ' (background)' : ''}: ${step.cmd.join(' ')}`);
  // On two cores the sum of the steps' CPU, not their wall time, is what a faster suite has to cut.
  // Counted by a cpuacct cgroup of the step's own where the machine lets us make one (every
  // process the step starts, the browsers' too), else by bash's `times` (only the children it and
  // theirs waited for: a browser's renderers are missed).
  const group = cpuGroup(index);
  const bash = ['bash', '-c', 'exec 3>"$0"; [ -n "$CPU_GROUP" ] && echo $$ > "$CPU_GROUP/tasks"; "$@"; rc=$?; times >&3; exit $rc', cpuFile, ...step.cmd];
  const [bin, ...args] = step.background ? ['nice', '-n', String(BACKGROUND_NICE), ...bash] : bash;
  const child = spawn(bin ?? 'bash', args, {
    stdio: alone ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    env: { ...baseEnv, ...step.env, TEST_SUMMARY_FILE: summaryFile, CPU_GROUP: group ?? '' },
  });
  const output: Buffer[] = [];
  child.stdout?.on('data', (c: Buffer) => output.push(c));
  child.stderr?.on('data', (c: Buffer) => output.push(c));
  return new Promise((resolve) => {
    child.on('close', (code) => {
      const secs = (Date.now() - started) / 1000;
      if (!alone) process.stdout.write(`\n── ${step.name} ──\n${Buffer.concat(output).toString()}`);
      let runs: RunSummary[] = [];
      try {
        runs = readFileSync(summaryFile, 'utf8')
          .trim()
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as RunSummary);
      } catch {
        /* a step without tests */
      }
      const cpu = groupCpu(group) ?? childCpu(cpuFile);
      console.log(`${code === 0 ? '✓' : '✗'} ${step.name} (${secs.toFixed(1)}s${cpu === undefined ? '' : `, ${cpu.toFixed(0)}s CPU`})`);
      resolve({ step, ok: code === 0, secs, cpu, runs });
    });
  });
}

const CPUACCT = '/sys/fs/cgroup/cpuacct';
/** A cpuacct cgroup (cgroup v1) for one step, if this machine lets us make one; else undefined. */
function cpuGroup(index: number): string | undefined {
  const dir = path.join(CPUACCT, `npm-test-${process.pid}-${index}`);
  try {
    mkdirSync(dir);
    return dir;
  } catch {
    return undefined;
  }
}

/** The CPU seconds a step's cgroup counted; the group is removed (it is empty once the step is over). */
function groupCpu(dir: string | undefined): number | undefined {
  if (!dir) return undefined;
  try {
    return Number(readFileSync(path.join(dir, 'cpuacct.usage'), 'utf8')) / 1e9;
  } catch {
    return undefined;
  } finally {
    try {
      rmdirSync(dir);
    } catch {
      /* a process of the step outlived it: the group stays until it ends (the kernel's, not a file) */
    }
  }
}

/** The children's user + system seconds from the second line of bash's `times` ("0m1.5s 0m0.2s"). */
function childCpu(file: string): number | undefined {
  try {
    const line = readFileSync(file, 'utf8').trim().split('\n')[1] ?? '';
    const secs = [...line.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
    return secs.length === 2 ? (secs[0] ?? 0) + (secs[1] ?? 0) : undefined;
  } catch {
    return undefined;
  }
}

const done: Done[] = [];
const started = Date.now();
const chosen = steps.filter((s) => runs(s.name));
const names = new Set(chosen.map((s) => s.name));
const waiting = new Set(chosen);
const running = new Map<Step, Promise<Done>>();
let index = 0;
const passed = (name: string) => done.some((d) => d.ok && d.step.name === name);
while (waiting.size || running.size) {
  if (!done.some((d) => !d.ok)) {
    for (const step of [...waiting].filter((s) => (s.after ?? []).every((a) => !names.has(a) || passed(a)))) {
      waiting.delete(step);
      running.set(step, run(step, index++));
    }
  } else waiting.clear();
  if (!running.size) break;
  const finished = await Promise.race(running.values());
  running.delete(finished.step);
  done.push(finished);
}
rmSync(summaries, { recursive: true, force: true });

console.log('\nstep                      time    CPU   passed  failed  skipped  flaky');
let flaky: string[] = [];
const failures: string[] = [];
for (const d of done) {
  failures.push(...d.runs.flatMap((r) => r.failures.map((t) => `${d.step.name}: ${t}`)));
  const sum = (k: 'passed' | 'failed' | 'skipped') => d.runs.reduce((n, r) => n + r[k], 0);
  const f = d.runs.flatMap((r) => r.flaky);
  flaky = flaky.concat(f.map((t) => `${d.step.name}: ${t}`));
  const counts = d.runs.length ? [sum('passed'), sum('failed'), sum('skipped'), f.length].map((n, i) => String(n).padStart([6, 8, 9, 7][i] ?? 0)).join('') : '';
  const cpu = d.cpu === undefined ? '' : `${d.cpu.toFixed(0)}s`;
  console.log(`${d.ok ? '✓' : '✗'} ${d.step.name.padEnd(23)} ${`${d.secs.toFixed(0)}s`.padStart(5)} ${cpu.padStart(6)} ${counts}`);
}
const failed = done.filter((d) => !d.ok);
const totalCpu = done.reduce((n, d) => n + (d.cpu ?? 0), 0);
console.log(
  `\n${failed.length ? `✗ ${failed.map((d) => d.step.name).join(', ')} failed` : '✓ all passed'} in ${((Date.now() - started) / 1000).toFixed(0)}s (${totalCpu.toFixed(0)}s CPU)`,
);
if (failures.length) {
  console.log(`✗ ${failures.length} failed test${failures.length > 1 ? 's' : ''}:`);
  for (const t of failures) console.log(`  ${t}`);
}
if (flaky.length) {
  // Retried and passed: not hidden. Each is named here and counted above; mend it, do not live with it.
  console.log(`⚠ ${flaky.length} flaky test${flaky.length > 1 ? 's' : ''} (failed, then passed on the retry):`);
  for (const t of flaky) console.log(`  ${t}`);
}
process.exit(failed.length ? 1 : 0);
