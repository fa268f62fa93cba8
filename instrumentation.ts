/** Runs once when the server starts: validate the configuration and migrate the database. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { env } = await import('@/lib/env');
  env();
  const { getDb } = await import('@/lib/db');
  await getDb();
}
