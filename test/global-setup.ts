import { sandboxControl } from '../sandbox/control-client';
import { startSandbox, type Sandbox } from '../sandbox/server';

/** Integration tests run against the whole sandbox, on ports of their own. */
let sandbox: Sandbox | undefined;

export async function setup() {
  const portBase = Number(process.env.TEST_SANDBOX_PORT ?? 4300);
  sandbox = await startSandbox({ portBase, appUrl: 'http://localhost:3999', fast: true });
  // Fenerum's limit is lifted for the suite; the tests of the limit set it themselves.
  await sandboxControl(sandbox.urls).fenerum.settings({ rateLimit: { enabled: false } });
}

export async function teardown() {
  await sandbox?.stop();
}
