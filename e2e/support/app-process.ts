import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { appLogFile } from './app-logs';

/** Every app this worker has running: killed when the worker exits, so a test that ran out of time leaves no server on its port. */
const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')));

/** A `next start` of the current build that a test owns: it may kill it and start it again. */
export class AppProcess {
  private child?: ChildProcess;
  constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  get url(): string {
    return `http://localhost:${this.port}`;
  }

  async start(): Promise<void> {
    this.child = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(this.port)], {
      env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', APP_URL: this.url, SHUTDOWN_GRACE_SECONDS: '2', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const child = this.child;
    // Its log, every line, into the run's log folder (the teardown reads it for secrets); errors on to this worker's stderr.
    const file = createWriteStream(appLogFile(this.port), { flags: 'a' });
    child.stdout?.pipe(file, { end: false });
    child.stderr?.pipe(file, { end: false });
    child.stderr?.pipe(process.stderr, { end: false });
    child.once('exit', () => file.end());
    running.add(child);
    child.once('exit', () => running.delete(child));
    const until = Date.now() + 60_000;
    while (Date.now() < until) {
      try {
        if ((await fetch(`${this.url}/api/health`)).ok) return;
      } catch {
        /* starting */
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`app on ${this.port} did not start`);
  }

  /** As a crash or an OOM killer would: no shutdown, no flush. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    // Already gone (exited, or killed by a signal: then exitCode stays null): no 'exit' will come again.
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  }
}
