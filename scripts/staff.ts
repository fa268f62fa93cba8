/**
 * `npm run staff -- add <email> --role <role> | disable <email> | reset-password <email> | list`:
 * staff users from the server's shell, in the database the app uses (DATABASE_URL, or the
 * embedded PGlite folder when the app is stopped).
 */
import { createInterface } from 'node:readline';
import { openDatabase } from '../lib/db/connect';
import { resolveEnv } from '../lib/env/schema';
import { loadEnv } from './load-env';
import { runStaffCommand, USAGE } from './staff-command';

loadEnv();
const env = resolveEnv(process.env);
const argv = process.argv.slice(2);
if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
  console.log(USAGE);
  process.exit(argv.length === 0 ? 2 : 0);
}

if (!env.databaseUrl && (await appIsRunning(env.appUrl))) {
  console.error(
    `The app at ${env.appUrl} holds the embedded database (PGlite in ${env.pgliteDir}); one process at a time can open it.\n` +
      'Stop the app (Ctrl-C on npm run dev / npm start), run this again, then start the app. With DATABASE_URL (Postgres) both can run at once.',
  );
  process.exit(1);
}

const database = await openDatabase({ url: env.databaseUrl, pgliteDir: env.pgliteDir });
try {
  const actor = { email: `cli:${process.env.USER ?? 'unknown'}`, ip: null };
  const io = { out: (l: string) => console.log(l), err: (l: string) => console.error(l), askPassword };
  process.exitCode = await runStaffCommand(database.db, argv, actor, io);
} finally {
  await database.close();
}

async function appIsRunning(appUrl: string): Promise<boolean> {
  try {
    const res = await fetch(new URL('/api/health/live', appUrl), { signal: AbortSignal.timeout(1500) });
    return res.status < 500;
  } catch {
    return false;
  }
}

/** Reads a password from the terminal without echoing it. */
function askPassword(): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const muted = rl as unknown as { _writeToOutput: (s: string) => void };
  process.stdout.write('Password (at least 12 characters): ');
  muted._writeToOutput = () => undefined;
  return new Promise((resolve) =>
    rl.question('', (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    }),
  );
}
