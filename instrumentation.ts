/**
 * Runs once when the server starts: validate the configuration (an invalid one ends the
 * process, naming the variable, so a supervisor sees it instead of a server answering 500),
 * put the front door on the HTTP server, open and migrate the database, and start this
 * process's background work (the registration worker, unless REGISTRATION_WORKER=off).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { env } = await import('@/lib/env');
  let config: ReturnType<typeof env>;
  try {
    config = env();
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
  const { installFrontDoor } = await import('@/lib/server/front-door');
  installFrontDoor({ hsts: new URL(config.appUrl).protocol === 'https:' });
  const { startProcessWork } = await import('@/lib/server/context');
  await startProcessWork();
}
