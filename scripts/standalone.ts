/**
 * `npm run standalone`, after `next build`: makes the build's standalone server runnable on its
 * own. Next writes `<distDir>/standalone/server.js` with the node_modules it needs, but leaves
 * out the static files (`<distDir>/static`), `public/`, and our migrations (lib/db/connect.ts
 * applies them at start, from `lib/db/migrations` under the server's folder). This copies them
 * beside it; the Dockerfile and e2e/standalone.spec.ts both use it. Then:
 * `node <distDir>/standalone/server.js` (PORT, HOSTNAME and the app's variables from the environment).
 */
import { cp, stat } from 'node:fs/promises';
import path from 'node:path';

const dist = process.env.NEXT_DIST_DIR || '.next';
const out = path.join(dist, 'standalone');

export async function prepareStandalone(): Promise<string> {
  const server = path.join(out, 'server.js');
  if (!(await stat(server).catch(() => null))) throw new Error(`${server} is missing: run \`next build\` first (next.config.js has output: 'standalone')`);
  await cp(path.join(dist, 'static'), path.join(out, dist, 'static'), { recursive: true });
  await cp('public', path.join(out, 'public'), { recursive: true });
  await cp('lib/db/migrations', path.join(out, 'lib/db/migrations'), { recursive: true });
  return server;
}

if (import.meta.url === `file://${path.resolve(process.argv[1] ?? '')}`) {
  const server = await prepareStandalone();
  console.log(`ready: node ${server}`);
}
