import { spawn, type ChildProcess } from 'node:child_process';

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
      env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', APP_URL: this.url, ...this.env },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const child = this.child;
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
