import { sql } from 'drizzle-orm';
import { missingMigration } from '@/lib/db/migration-state';
import { appContext } from './context';
import { isDraining } from './shutdown';
import { log } from '@/lib/log';

export type Readiness = { ready: true } | { ready: false; code: 'shutting-down' | 'database-unavailable' | 'migrations-pending'; error: string };

/**
 * Whether this instance should be sent traffic: it is not shutting down, its database answers,
 * and every committed migration is applied there. What a load balancer's health check asks
 * (/api/health/ready); /api/health/live only says the process answers.
 */
export async function readiness(): Promise<Readiness> {
  if (isDraining()) return { ready: false, code: 'shutting-down', error: 'This instance is shutting down' };
  let db;
  try {
    db = (await appContext()).db;
    await db.execute(sql`select 1`);
  } catch (err) {
    // The driver's words may name the database's user or host: in the log, not in the answer.
    log.warn({ err: err instanceof Error ? err.message : err }, 'readiness: the database does not answer');
    return { ready: false, code: 'database-unavailable', error: 'The database does not answer' };
  }
  const missing = await missingMigration(db).catch((err: unknown) => {
    log.warn({ err: err instanceof Error ? err.message : err }, 'readiness: the applied migrations could not be read');
    return 'the applied migrations could not be read';
  });
  return missing ? { ready: false, code: 'migrations-pending', error: `The database is not migrated: ${missing}` } : { ready: true };
}
