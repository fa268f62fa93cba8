import { afterEach, describe, expect, it } from 'vitest';
import { appContext } from '@/lib/server/context';
import { fenerumSettings, sandbox } from '@/test/support/sandbox-control';
import { setupIntentFor } from '@/test/support/stripe-fixtures';
import { createPortalCache } from './portal';
import { offersSepaTo } from './sepa';

/** The rule as the portal asks it, with a cache of its own so no earlier read of the account answers. */
async function sepaRule(sepaEnabled = true) {
  const { fenerum } = await appContext();
  const portalCache = createPortalCache();
  return (accountCode: string) => offersSepaTo({ sepaEnabled, fenerum, portalCache }, accountCode);
}

const account = async (currency: string, country: string) => (await sandbox.fenerum.createAccount({ currency, country })).code;

/** The payment methods of the SetupIntent the portal makes for the account under the rule. */
async function setupTypes(code: string, rule: (accountCode: string) => Promise<boolean>) {
  const { setupIntentId } = await setupIntentFor(code, rule);
  return (await (await appContext()).stripe.setupIntents.retrieve(setupIntentId)).allowed_payment_method_types;
}

describe('SEPA Direct Debit is offered where it belongs (seeds/001: SEPA countries, EUR only)', () => {
  afterEach(async () => {
    await fenerumSettings({ accountCurrency: false, failNext: null });
  });

  it('a EUR account in a SEPA country is offered SEPA, and its SetupIntent allows it', async () => {
    await fenerumSettings({ accountCurrency: true });
    const rule = await sepaRule();
    const german = await account('EUR', 'DE');
    expect(await rule(german)).toBe(true);
    expect(await setupTypes(german, rule)).toEqual(['card', 'sepa_debit']);
  });

  it('a DKK account in Denmark is not: card only', async () => {
    await fenerumSettings({ accountCurrency: true });
    const rule = await sepaRule();
    const danish = await account('DKK', 'DK');
    expect(await rule(danish)).toBe(false);
    expect(await setupTypes(danish, rule)).toEqual(['card']);
  });

  it('a EUR account outside SEPA is not', async () => {
    await fenerumSettings({ accountCurrency: true });
    expect(await (await sepaRule())(await account('EUR', 'US'))).toBe(false);
  });

  it('an account whose currency Fenerum does not give (the documented shape) is not', async () => {
    const german = await account('EUR', 'DE');
    const rule = await sepaRule();
    expect(await rule(german)).toBe(false);
    expect(await setupTypes(german, rule)).toEqual(['card']);
  });

  it('nobody is offered it while SEPA_ENABLED is off', async () => {
    await fenerumSettings({ accountCurrency: true });
    expect(await (await sepaRule(false))(await account('EUR', 'DE'))).toBe(false);
  });

  it('an account Fenerum cannot answer for right now is card only, not an error', async () => {
    await fenerumSettings({ accountCurrency: true });
    const german = await account('EUR', 'DE');
    await fenerumSettings({ failNext: { status: 404, count: 1, account: german } });
    expect(await (await sepaRule())(german)).toBe(false);
  });
});
