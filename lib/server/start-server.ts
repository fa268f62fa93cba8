import { env } from '@/lib/env';
import { secondFactorWarning } from '@/lib/env/schema';
import { startProcessWork } from '@/lib/server/context';
import { installFrontDoor } from '@/lib/server/front-door';
import { log } from '@/lib/log';
import { installShutdown } from '@/lib/server/shutdown';

/**
 * Runs once when the Node server starts (instrumentation.ts): validate the configuration (an
 * invalid one ends the process, naming the variable, so a supervisor sees it instead of a
 * server answering 500), put the front door on the HTTP server, open and migrate the database,
 * start this process's background work (the registration worker, unless REGISTRATION_WORKER=off),
 * and stop it cleanly on SIGTERM.
 */
export async function startServer(): Promise<void> {
  let config: ReturnType<typeof env>;
  try {
    config = env();
  } catch (err) {
    log.fatal(err instanceof Error ? err.message : String(err));
    process.exit(1);
  }
  const weak = secondFactorWarning(config.staff.secondFactorRoles);
  if (weak) log.warn(weak);
  installFrontDoor({ hsts: new URL(config.appUrl).protocol === 'https:' });
  // SIGTERM: stop claiming, finish what is in flight within SHUTDOWN_GRACE_SECONDS, give leases back, exit (lib/server/shutdown.ts).
  installShutdown(await startProcessWork());
}
