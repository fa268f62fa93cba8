import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { dumpMigratedPglite } from '../lib/db/connect';
import { sandboxControl } from '../sandbox/control-client';
import { startSandbox, type Sandbox } from '../sandbox/server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated PGlite, dumped once for the run; each test file's in-memory database loads it. */
    pgliteTemplate: string;
  }
}

/** Integration tests run against the whole sandbox, on ports of their own. */
let sandbox: Sandbox | undefined;
let template: string | undefined;

export async function setup(project: TestProject) {
  const portBase = Number(process.env.TEST_SANDBOX_PORT ?? 4300);
  sandbox = await startSandbox({ portBase, appUrl: 'http://localhost:3999', fast: true });
  // Fenerum's limit is lifted for the suite; the tests of the limit set it themselves.
  await sandboxControl(sandbox.urls).fenerum.settings({ rateLimit: { enabled: false } });
  // PGlite's start (initdb in WebAssembly) is most of a test file's setup: done once, then loaded.
  template = path.join(tmpdir(), `card-portal-pglite-${process.pid}.tar`);
  await writeFile(template, Buffer.from(await (await dumpMigratedPglite()).arrayBuffer()));
  project.provide('pgliteTemplate', template);
}

export async function teardown() {
  await sandbox?.stop();
  if (template) await rm(template, { force: true });
}
