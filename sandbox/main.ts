/** `npm run sandbox`: every provider emulator, until Ctrl-C. */
import { startSandbox } from './server';

const portBase = process.env.SANDBOX_PORT ? Number(process.env.SANDBOX_PORT) : undefined;
const fast = process.env.SANDBOX_FAST === 'true';

const sandbox = await startSandbox({ portBase, appUrl: process.env.APP_URL, fast });
for (const [name, url] of Object.entries(sandbox.urls)) console.log(`sandbox ${name.padEnd(8)} ${url}`);

const stop = async () => {
  await sandbox.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
