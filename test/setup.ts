import { beforeEach, inject } from 'vitest';
import { sandboxControl } from '../sandbox/control-client';
// Every integration test file sees the configuration of the app in sandbox mode, pointed at
// the test sandbox's ports and at a fresh in-memory PGlite, or at TEST_DATABASE_URL when
// TEST_DB=postgres (npm test runs the suite both ways when that is set).
process.env.SANDBOX_PORT = process.env.TEST_SANDBOX_PORT ?? '4300';
process.env.PGLITE_DIR = 'memory://';
process.env.PGLITE_TEMPLATE = inject('pgliteTemplate');
// Nothing listens here: provider callbacks aimed at the app go nowhere; tests deliver them.
process.env.APP_URL = 'http://localhost:3999';
// The tests are not about Fenerum's 60/min (the client and emulator tests are): lift it.
process.env.FENERUM_RATE_LIMIT_PER_MINUTE = '100000';
delete process.env.DATABASE_URL;
if (process.env.TEST_DB === 'postgres') {
  if (!process.env.TEST_DATABASE_URL) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL');
  process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
}

// A test that turns an emulator switch on (Fenerum refusing QuickPay cards, failing its next
// calls) turns it off in a `finally`; one that ran out of time has not got there yet when the next
// test starts, and that test then met the switch (CI: "expected 'failed' to be 'registered'" two
// files later). Every test starts from the suite's switches, whatever the one before it left.
const fenerumSettings = inject('fenerumSettings');
const fenerum = sandboxControl(Number(process.env.SANDBOX_PORT)).fenerum;
beforeEach(async () => {
  await fenerum.settings(fenerumSettings);
});
