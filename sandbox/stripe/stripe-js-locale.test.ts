import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostPage, launchBrowser, openHost, serveHostPage, type HostServer } from './browser-harness';
import { browserBundles } from './browser-bundle';
import { startStripe, TEST_KEYS, type RunningStripe } from './test-support';

/** The fake Stripe.js as endive's: `paymentMethodTypes` refused, `locale` honoured (Danish). */
type SandboxStripe = {
  elements: (o?: unknown) => {
    create: (t: string, o?: unknown) => { mount: (s: string) => void; on: (e: string, h: () => void) => void };
    update: (o: unknown) => void;
  };
};
type Host = { Stripe: (key: string, options?: unknown) => SandboxStripe; ready?: boolean };

let s: RunningStripe;
let host: HostServer;
let browser: Browser;
let clientSecret: string;

beforeAll(async () => {
  s = await startStripe();
  host = await serveHostPage(hostPage(s.server.url, TEST_KEYS.publishableKey));
  browser = await launchBrowser();
  const customer = (await s.stripe.customers.create({})).id;
  clientSecret = (await s.stripe.setupIntents.create({ customer, allowed_payment_method_types: ['card', 'sepa_debit'] })).client_secret ?? '';
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await s?.close();
});

/** Mounts one Element with the given Stripe() and elements() options; resolves on `ready`. */
async function mount(page: Page, type: 'card' | 'payment', stripeOptions: unknown, elementsOptions: unknown) {
  await page.evaluate(
    ({ key, type, stripeOptions, elementsOptions }) => {
      const w = window as unknown as Host;
      const element = w.Stripe(key, stripeOptions).elements(elementsOptions).create(type);
      element.on('ready', () => (w.ready = true));
      element.mount(type === 'card' ? '#card' : '#payment');
    },
    { key: TEST_KEYS.publishableKey, type, stripeOptions, elementsOptions },
  );
  await page.waitForFunction(() => (window as unknown as Host).ready === true);
  return page.frameLocator(type === 'card' ? '#card iframe' : '#payment iframe');
}

describe('the sandbox Stripe.js, endive', { timeout: 30_000 }, () => {
  it('refuses the Elements paymentMethodTypes option with an IntegrationError, on create and on update', async () => {
    const page = await openHost(browser, host.url);
    const thrown = await page.evaluate((key) => {
      const w = window as unknown as Host;
      const stripe = w.Stripe(key);
      const attempt = (fn: () => unknown) => {
        try {
          fn();
          return null;
        } catch (err) {
          return { name: (err as Error).name, message: (err as Error).message };
        }
      };
      return {
        create: attempt(() => stripe.elements({ mode: 'setup', currency: 'dkk', paymentMethodTypes: ['card'] })),
        update: attempt(() => stripe.elements({ mode: 'setup', currency: 'dkk' }).update({ paymentMethodTypes: ['card'] })),
        none: attempt(() => stripe.elements({ mode: 'setup', currency: 'dkk' })),
      };
    }, TEST_KEYS.publishableKey);
    expect(thrown.create).toEqual({ name: 'IntegrationError', message: expect.stringContaining('paymentMethodTypes is not supported') });
    expect(thrown.update).toEqual({ name: 'IntegrationError', message: expect.stringContaining('paymentMethodTypes is not supported') });
    expect(thrown.none).toBeNull();
    await page.close();
  });

  it("shows the Payment Element in Danish for locale 'da' (the Elements option)", async () => {
    const page = await openHost(browser, host.url);
    const frame = await mount(page, 'payment', {}, { clientSecret, locale: 'da' });
    await expect.poll(() => frame.getByLabel('Kortnummer').count()).toBe(1);
    expect(await frame.getByLabel('Udløbsdato').count()).toBe(1);
    expect(await frame.getByLabel('Kontrolcifre').getAttribute('placeholder')).toBe('CVC');
    expect(await frame.getByRole('tab', { name: 'Kort' }).count()).toBe(1);
    expect(await frame.getByLabel('Card number').count()).toBe(0);
    await page.close();
  });

  it("shows the Card Element in Danish for Stripe(key, {locale: 'da'}), in English for 'en'", async () => {
    const page = await openHost(browser, host.url);
    const frame = await mount(page, 'card', { locale: 'da' }, {});
    await expect.poll(() => frame.getByPlaceholder('Kortnummer').count()).toBe(1);
    expect(await frame.getByPlaceholder('MM / ÅÅ').count()).toBe(1);
    await page.close();
    const english = await openHost(browser, host.url);
    const en = await mount(english, 'card', { locale: 'da' }, { locale: 'en' });
    await expect.poll(() => en.getByPlaceholder('Card number').count()).toBe(1);
    await english.close();
  });

  it('is bundled once per process', async () => {
    expect(browserBundles()).toBe(browserBundles());
    const { stripeJs } = await browserBundles();
    expect(stripeJs).toContain('paymentMethodTypes is not supported');
  });
});
