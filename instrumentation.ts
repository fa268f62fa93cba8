/**
 * Next calls this once when a server starts. Everything is in lib/server/start-server.ts, loaded
 * only in the Node runtime: Next compiles this file for the Edge runtime too, where Node's APIs
 * (process.exit, the HTTP server) do not exist.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') await (await import('@/lib/server/start-server')).startServer();
}
