import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { sandboxSecrets } from '../lib/env/sandbox-defaults';

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)])));
  return nested.flat();
}

test('no server secret of the sandbox configuration is in the built client files', async () => {
  const all = await files(path.join(process.cwd(), process.env.NEXT_DIST_DIR ?? '.next', 'static'));
  expect(all.length).toBeGreaterThan(0);
  const hits: string[] = [];
  for (const file of all) {
    const text = await readFile(file, 'utf8');
    for (const [name, value] of Object.entries(sandboxSecrets)) if (text.includes(value)) hits.push(`${name} in ${file}`);
  }
  expect(hits).toEqual([]);
});
