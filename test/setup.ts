// Every integration test file sees the configuration of the app in sandbox mode, pointed at
// the test sandbox's ports and at a fresh in-memory PGlite, or at TEST_DATABASE_URL when
// TEST_DB=postgres (npm test runs the suite both ways when that is set).
process.env.SANDBOX_PORT = process.env.TEST_SANDBOX_PORT ?? '4300';
process.env.PGLITE_DIR = 'memory://';
delete process.env.DATABASE_URL;
if (process.env.TEST_DB === 'postgres') {
  if (!process.env.TEST_DATABASE_URL) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL');
  process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
}
