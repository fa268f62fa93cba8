/**
 * Runs once when the server starts: validate the configuration, open and migrate the
 * database, and start this process's background work (the registration worker, unless
 * REGISTRATION_WORKER=off).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startProcessWork } = await import('@/lib/server/context');
  await startProcessWork();
}
