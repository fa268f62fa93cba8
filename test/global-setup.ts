import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { dumpMigratedPglite } from '../lib/db/connect';
import { sandboxControl, type FenerumSettings } from '../sandbox/control-client';
import { startSandbox, type Sandbox } from '../sandbox/server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated PGlite, dumped once for the run; each test file's in-memory database loads it. */
    pgliteTemplate: string;
    /** The Fenerum emulator's switches as the suite starts: test/setup.ts puts them back before every test. */
    fenerumSettings: FenerumSettings;
  }
}

/**
 * Integration tests run against the whole sandbox, on ports of their own. Both integration
 * projects name this setup: the first to start makes the sandbox and the template, the other uses
 * them (held on globalThis: vitest may load this module once per project), and the last to end stops them.
 */
type Shared = { users: number; ready: Promise<{ sandbox: Sandbox; template: string; settings: FenerumSettings }> };
const key = Symbol.for('card-portal.integration-global-setup');
const holder = globalThis as { [key]?: Shared };

export async function setup(project: TestProject) {
  const shared = (holder[key] ??= { users: 0, ready: start() });
  shared.users++;
  const { template, settings } = await shared.ready;
  project.provide('pgliteTemplate', template);
  project.provide('fenerumSettings', settings);
}

export async function teardown() {
  const shared = holder[key];
  if (!shared || --shared.users > 0) return;
  delete holder[key];
  const { sandbox, template } = await shared.ready;
  await sandbox.stop();
  await rm(template, { force: true });
}

async function start() {
  const portBase = Number(process.env.TEST_SANDBOX_PORT ?? 4300);
  const sandbox = await startSandbox({ portBase, appUrl: 'http://localhost:3999', fast: true });
  // Fenerum's limit is lifted for the suite; the tests of the limit set it themselves.
  const settings = await sandboxControl(sandbox.urls).fenerum.settings({ rateLimit: { enabled: false } });
  // PGlite's start (initdb in WebAssembly) is most of a test file's setup: done once, then loaded.
  const template = path.join(tmpdir(), `card-portal-pglite-${process.pid}.tar`);
  await writeFile(template, Buffer.from(await (await dumpMigratedPglite()).arrayBuffer()));
  return { sandbox, template, settings };
}
