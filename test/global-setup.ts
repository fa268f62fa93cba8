import { startSandbox, type Sandbox } from '../sandbox/server';

/** Integration tests run against the whole sandbox, on ports of their own. */
let sandbox: Sandbox | undefined;

export async function setup() {
  const portBase = Number(process.env.TEST_SANDBOX_PORT ?? 4300);
  sandbox = await startSandbox({ portBase, appUrl: process.env.TEST_APP_URL ?? 'http://localhost:3999', fast: true });
}

export async function teardown() {
  await sandbox?.stop();
}
