import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The integration files share one module graph and one app (vitest.config.ts), so a file that
 * mocks a module or sets the app's configuration would change what every later file runs against.
 * Those go in *.isolated.int.test.ts, which get a graph of their own; this holds the line both ways.
 */
const changesTheProcess = /\bvi\.(mock|doMock|stubEnv|stubGlobal)\(|process\.env\.[A-Z_]+\s*=(?!=)|process\.env\[[^\]]+\]\s*=(?!=)|delete process\.env/;
const files = ['lib', 'sandbox', 'app', 'scripts', 'test'].flatMap((dir) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.int.test.ts'))
    .map((f) => path.join(dir, f)),
);

describe('integration files and the module graph they share', () => {
  it('finds the integration files', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it.each(files.filter((f) => !f.endsWith('.isolated.int.test.ts')))('%s neither mocks a module nor sets the configuration', (file) => {
    expect(readFileSync(file, 'utf8')).not.toMatch(changesTheProcess);
  });

  it.each(files.filter((f) => f.endsWith('.isolated.int.test.ts')))('%s needs its own graph: it mocks or configures', (file) => {
    expect(readFileSync(file, 'utf8')).toMatch(changesTheProcess);
  });
});
