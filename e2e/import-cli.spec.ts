import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import Stripe from 'stripe';
import { sandboxSecrets } from '../lib/env/sandbox-defaults';
import { fenerumCards } from './support/api';
import { E2E } from './support/ports';
import { expect, test } from './support/test';

test.describe.configure({ timeout: 120_000 });

/** `npm run import -- <args>` as an operator runs it, against this run's app. */
function runImport(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/import.ts', ...args], {
      env: { ...process.env, APP_URL: E2E.appUrl, SANDBOX_PORT: String(E2E.sandboxPort) },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('close', (code) => resolve({ code, out: Buffer.concat(out).toString(), err: Buffer.concat(err).toString() }));
  });
}

test.describe('npm run import (issue 27)', () => {
  test('a file with a BOM and Windows line endings: the dry run names the bad row, the import registers the good one once, the same file again adds nothing', async ({
    sandbox,
    account,
  }, testInfo) => {
    const api = new URL(sandbox.urls.stripe);
    const stripe = new Stripe(sandboxSecrets.STRIPE_SECRET_KEY, { host: api.hostname, port: Number(api.port), protocol: 'http' });
    const customer = await stripe.customers.create({ description: 'an existing customer' });
    const pm = (await stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id })).id;
    const missing = `pm_nosuch${Date.now()}`;
    const path = testInfo.outputPath('cards.csv');
    writeFileSync(path, `\uFEFFaccount,gateway,token\r\n${account.code},stripe_new,${pm}\r\n${account.code},stripe_new,${missing}\r\n`);

    const dry = await runImport([path, '--dry-run']);
    expect(dry.code).toBe(1);
    expect(dry.out).toContain(`line 2\t${account.code}\tstripe_new\t${pm}\twould be imported`);
    expect(dry.out).toMatch(new RegExp(`line 3\\t${account.code}\\tstripe_new\\t${missing}\\tNOT imported: \\S`));
    expect(dry.out).toContain('Dry run: 1 of 2 rows can be imported, 1 cannot. Nothing was queued.');
    expect(await fenerumCards(account.code)).toHaveLength(0);

    const run = await runImport([path]);
    expect(run.out).toContain('1 cards queued, 0 already here, 1 refused.');
    expect(run.out).toMatch(/1 done, 0 left, 1 failed of 2/);
    expect(run.err).toContain('Finished with 1 failed rows');
    expect(run.code).toBe(1);
    expect((await fenerumCards(account.code)).filter((c) => c.token === pm)).toHaveLength(1);

    const again = await runImport([path, '--no-wait']);
    expect(again.out).toContain('0 cards queued, 1 already here, 1 refused.');
    expect((await fenerumCards(account.code)).filter((c) => c.token === pm)).toHaveLength(1);
  });

  test('a 10 MB file of garbage and a formula in a cell are refused with a clear message before anything is sent', async ({ account }, testInfo) => {
    const garbage = testInfo.outputPath('garbage.csv');
    writeFileSync(garbage, Buffer.alloc(10 * 1024 * 1024, 0xfe));
    const big = await runImport([garbage]);
    expect(big.code).toBe(1);
    expect(big.err).toMatch(/too large/i);

    const formula = testInfo.outputPath('formula.csv');
    writeFileSync(formula, `\uFEFFaccount,gateway,token\r\n${account.code},quickpay,"=HYPERLINK(""http://x"")"\r\n`);
    const refused = await runImport([formula, '--dry-run']);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/line 2/i);
    expect(refused.err).toMatch(/formula/i);
    expect(refused.out).toBe('');
    expect(await fenerumCards(account.code)).toHaveLength(0);
  });
});
