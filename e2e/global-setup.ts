import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type FullConfig } from '@playwright/test';
import { STAFF_ROLES } from '../lib/auth/staff-roles';
import { dumpMigratedPglite } from '../lib/db/connect';
import { signInStaff, staffCookies, type RunSessions } from './support/staff';

/**
 * Signs in once per seeded staff role for the whole run (after the web servers are up, before
 * any worker starts) and leaves the sessions in a file the workers read (E2E_STAFF_SESSIONS):
 * the staff specs start signed in instead of each worker typing passwords and waiting for
 * fresh TOTP codes. The specs about signing in do it for real (`signInStaff(…, { fresh: true })`,
 * `submitPassword`, `addStaffUser`).
 *
 * Also dumps a migrated PGlite once (PGLITE_TEMPLATE, inherited by the workers and so by every app a
 * spec starts on an in-memory database): each of those apps loads it instead of running initdb
 * and the migrations in WebAssembly (about 4 s of CPU an app).
 */
export default async function globalSetup(config: FullConfig): Promise<void> {
  const template = path.join(tmpdir(), `card-portal-e2e-pglite-${process.pid}.tar`);
  const dumped = dumpMigratedPglite().then(async (blob) => writeFile(template, Buffer.from(await blob.arrayBuffer())));
  const use = config.projects[0]?.use ?? {};
  const browser = await chromium.launch(use.launchOptions);
  const sessions: RunSessions = {};
  try {
    for (const role of STAFF_ROLES) {
      const context = await browser.newContext({ baseURL: use.baseURL });
      const page = await context.newPage();
      await signInStaff(page, role, { fresh: true });
      sessions[role] = await staffCookies(page);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const file = path.join(tmpdir(), `card-portal-e2e-staff-${process.pid}.json`);
  await writeFile(file, JSON.stringify(sessions));
  process.env.E2E_STAFF_SESSIONS = file;
  await dumped;
  process.env.PGLITE_TEMPLATE = template;
}
