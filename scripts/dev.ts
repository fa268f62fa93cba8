/** `npm run dev`: the provider sandbox and the app together, one Ctrl-C stops both. */
import { spawn } from 'node:child_process';
import { resolveEnv } from '../lib/env/schema';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { loadEnv } from './load-env';

loadEnv();
const env = resolveEnv(process.env);
const port = new URL(env.appUrl).port || '3000';

let sandbox: Sandbox | undefined;
if (env.anySandbox) {
  try {
    sandbox = await startSandbox({ portBase: env.sandboxPorts.fenerum, appUrl: env.appUrl });
  } catch (err) {
    console.error(`Could not start the sandbox on ports ${env.sandboxPorts.fenerum}–${env.sandboxPorts.farpay}: ${(err as Error).message}`);
    console.error('Is another `npm run dev` or `npm run sandbox` running? Stop it, or set SANDBOX_PORT.');
    process.exit(1);
  }
  for (const [name, url] of Object.entries(sandbox.urls)) console.log(`sandbox ${name.padEnd(8)} ${url}`);
}

const next = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'dev', '-p', port], {
  stdio: 'inherit',
  env: { NEXT_TELEMETRY_DISABLED: '1', ...process.env },
});
const stop = async (code: number) => {
  await sandbox?.stop();
  process.exit(code);
};
next.on('exit', (code) => void stop(code ?? 0));
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => next.kill(sig));
