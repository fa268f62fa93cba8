/**
 * Runs once when the server starts: validate the configuration, migrate the database, and
 * start the worker that finishes queued card registrations.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { env } = await import('@/lib/env');
  env();
  const { getDb } = await import('@/lib/db');
  await getDb();
  if (process.env.REGISTRATION_WORKER !== 'off') {
    const { startWorker } = await import('@/lib/registrations/server');
    await startWorker();
  }
}
