import type { Stripe as StripeJs, StripeCardElement, StripeElements, StripePaymentElement } from '@stripe/stripe-js';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostPage, launchBrowser, openHost, serveHostPage, type HostServer } from './browser-harness';
import { startStripe, TEST_KEYS, type RunningStripe } from './test-support';

/** The host page's globals (see browser-harness.ts). */
type Tracked = { name: string; kind: string; e: Record<string, unknown> };
type Host = Window & {
  stripe: StripeJs;
  els: StripeElements;
  card: StripeCardElement;
  payment: StripePaymentElement;
  events: Tracked[];
  warnings: string[];
  pending: Promise<unknown>;
  track: <T>(element: T, name: string) => T;
};

let s: RunningStripe;
let host: HostServer;
let browser: Browser;
let customer: string;

beforeAll(async () => {
  s = await startStripe();
  host = await serveHostPage(hostPage(s.server.url, TEST_KEYS.publishableKey));
  browser = await launchBrowser();
  customer = (await s.stripe.customers.create({})).id;
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await s?.close();
});

async function mountCard(page: Page): Promise<FrameLocator> {
  await page.evaluate(() => {
    const w = window as unknown as Host;
    w.els = w.stripe.elements();
    w.card = w.track(w.els.create('card', { hidePostalCode: true }), 'card');
    w.card.mount('#card');
  });
  await page.waitForFunction(() => (window as unknown as Host).events.some((e) => e.name === 'card' && e.kind === 'ready'));
  return page.frameLocator('#card iframe');
}

async function typeCard(frame: FrameLocator, number: string): Promise<void> {
  await frame.getByPlaceholder('Card number').fill(number);
  await frame.getByPlaceholder('MM / YY').fill('12/34');
  await frame.getByPlaceholder('CVC').fill('123');
}

const lastChange = (page: Page) => page.evaluate(() => [...(window as unknown as Host).events].reverse().find((e) => e.kind === 'change')?.e ?? null);

/** Starts confirmCardSetup without waiting (3-D Secure needs a click first). */
async function startConfirmCardSetup(page: Page, clientSecret: string): Promise<void> {
  await page.evaluate((cs) => {
    const w = window as unknown as Host;
    w.pending = w.stripe.confirmCardSetup(cs, { payment_method: { card: w.card } });
  }, clientSecret);
}
const settled = (page: Page) => page.evaluate(() => (window as unknown as Host).pending) as Promise<Record<string, Record<string, unknown>>>;
const challenge = (page: Page) => page.frameLocator('iframe[name="stripe-challenge-frame"]');
const newSetupIntent = async () => (await s.stripe.setupIntents.create({ customer, allowed_payment_method_types: ['card'] })).client_secret ?? '';

describe('the sandbox Stripe.js in a browser', { timeout: 30_000 }, () => {
  it('loadStripe picks it up; the card element validates (Luhn) and confirmCardSetup succeeds with 4242', async () => {
    const page = await openHost(browser, host.url);
    expect(await page.evaluate(() => (window as unknown as Host).warnings)).toEqual([]);
    const frame = await mountCard(page);
    await frame.getByPlaceholder('Card number').fill('4242 4242 4242 4241');
    await expect
      .poll(() => lastChange(page))
      .toMatchObject({
        elementType: 'card',
        complete: false,
        error: { type: 'validation_error', code: 'invalid_number', message: 'Your card number is invalid.' },
      });
    await frame.getByPlaceholder('MM / YY').fill('12/20');
    await typeCard(frame, '4242 4242 4242 4242');
    await expect.poll(() => lastChange(page)).toMatchObject({ elementType: 'card', complete: true, empty: false, brand: 'visa' });
    expect(await page.locator('#card').getAttribute('class')).toContain('StripeElement--complete');
    await startConfirmCardSetup(page, await newSetupIntent());
    const result = await settled(page);
    expect(result.setupIntent).toMatchObject({ status: 'succeeded', payment_method: expect.stringMatching(/^pm_/) });
    expect(await page.content()).not.toContain('4242 4242');
    expect(s.emulator.lookupCard(String(result.setupIntent?.payment_method))).toMatchObject({ brand: 'Visa', last4: '4242', expMonth: 12, expYear: 2034 });
    await page.close();
  });

  it('shows past expiry and incomplete CVC errors in change events', async () => {
    const page = await openHost(browser, host.url);
    const frame = await mountCard(page);
    await frame.getByPlaceholder('Card number').fill('4242424242424242');
    await frame.getByPlaceholder('MM / YY').fill('01/20');
    await expect.poll(() => lastChange(page)).toMatchObject({ error: { message: "Your card's expiration year is in the past." } });
    await frame.getByPlaceholder('MM / YY').fill('12/34');
    await frame.getByPlaceholder('CVC').fill('1');
    await frame.getByPlaceholder('Card number').focus();
    await expect.poll(() => lastChange(page)).toMatchObject({ error: { code: 'incomplete_cvc', message: "Your card's security code is incomplete." } });
    await page.close();
  });

  it('3-D Secure: "Complete authentication" succeeds, "Fail authentication" returns the error', async () => {
    const page = await openHost(browser, host.url);
    const frame = await mountCard(page);
    await typeCard(frame, '4000 0000 0000 3220');
    await startConfirmCardSetup(page, await newSetupIntent());
    await challenge(page).getByRole('button', { name: 'Complete authentication' }).click();
    expect((await settled(page)).setupIntent).toMatchObject({ status: 'succeeded' });
    expect(await page.locator('[data-stripe-sandbox="3ds-modal"]').count()).toBe(0);

    const secret = await newSetupIntent();
    await startConfirmCardSetup(page, secret);
    await challenge(page).getByRole('button', { name: 'Fail authentication' }).click();
    const failed = await settled(page);
    expect(failed.error).toMatchObject({
      type: 'invalid_request_error',
      code: 'setup_intent_authentication_failure',
      message: 'We are unable to authenticate your payment method. Please choose a different payment method and try again.',
      setup_intent: { status: 'requires_payment_method' },
    });
    expect((await s.stripe.setupIntents.retrieve(secret.split('_secret_')[0] ?? '')).last_setup_error?.code).toBe('setup_intent_authentication_failure');
    await page.close();
  });

  it('returns declines as Stripe.js does, and a double confirm as setup_intent_unexpected_state', async () => {
    const page = await openHost(browser, host.url);
    const frame = await mountCard(page);
    await typeCard(frame, '4000 0000 0000 0002');
    await startConfirmCardSetup(page, await newSetupIntent());
    expect((await settled(page)).error).toMatchObject({
      type: 'card_error',
      code: 'card_declined',
      decline_code: 'generic_decline',
      message: 'Your card was declined.',
    });

    await typeCard(frame, '5555 5555 5555 4444');
    const secret = await newSetupIntent();
    await startConfirmCardSetup(page, secret);
    expect((await settled(page)).setupIntent).toMatchObject({ status: 'succeeded' });
    await startConfirmCardSetup(page, secret);
    expect((await settled(page)).error).toMatchObject({ code: 'setup_intent_unexpected_state', setup_intent: { status: 'succeeded' } });
    await page.close();
  });

  it('approves an off-session payment that needed authentication with confirmCardPayment', async () => {
    const pm = await s.stripe.paymentMethods.attach('pm_card_authenticationRequired', { customer });
    const failed = await s.stripe.paymentIntents
      .create({ amount: 4200, currency: 'dkk', customer, payment_method: pm.id, off_session: true, confirm: true })
      .catch((e: { raw: { payment_intent: { id: string; client_secret: string } } }) => e.raw.payment_intent);
    const page = await openHost(browser, host.url);
    await page.evaluate(
      ({ cs, pmId }) => {
        const w = window as unknown as Host;
        w.pending = w.stripe.confirmCardPayment(cs, { payment_method: pmId });
      },
      { cs: failed.client_secret ?? '', pmId: pm.id },
    );
    await challenge(page).getByRole('button', { name: 'Complete authentication' }).click();
    expect((await settled(page)).paymentIntent).toMatchObject({ status: 'succeeded', amount: 4200 });
    await page.close();
  });

  it('Payment Element: SEPA Direct Debit with mandate text, and confirmSetup redirecting to return_url', async () => {
    const si = await s.stripe.setupIntents.create({ customer, allowed_payment_method_types: ['card', 'sepa_debit'] });
    const page = await openHost(browser, host.url);
    await page.evaluate((cs) => {
      const w = window as unknown as Host;
      w.els = w.stripe.elements({ clientSecret: cs });
      w.payment = w.track(w.els.create('payment', { business: { name: 'Acme ApS' } }), 'payment');
      w.payment.mount('#payment');
    }, si.client_secret ?? '');
    await page.waitForFunction(() => (window as unknown as Host).events.some((e) => e.name === 'payment' && e.kind === 'ready'));
    const frame = page.frameLocator('#payment iframe');
    await frame.getByRole('tab', { name: 'SEPA Direct Debit' }).click();
    await expect.poll(() => frame.getByText('you authorise (A) Acme ApS and Stripe').count()).toBe(1);
    await frame.getByLabel('IBAN').fill('DE89370400440532013001');
    await frame.getByLabel('Full name').click();
    await expect.poll(() => frame.getByText('Your IBAN is invalid.').count()).toBe(1);
    await frame.getByLabel('IBAN').fill('DE89 3704 0044 0532 0130 00');
    await frame.getByLabel('Full name').fill('Jenny Rosen');
    await frame.getByLabel('Email').fill('jenny@example.com');
    await page.evaluate(() => {
      const w = window as unknown as Host;
      w.pending = w.stripe.confirmSetup({ elements: w.els, confirmParams: { return_url: `${location.origin}/return` } });
    });
    await page.waitForURL(/\/return\?/);
    const back = new URL(page.url());
    expect(Object.fromEntries(back.searchParams)).toEqual({ setup_intent: si.id, setup_intent_client_secret: si.client_secret, redirect_status: 'succeeded' });
    const done = await s.stripe.setupIntents.retrieve(si.id, { expand: ['payment_method'] });
    expect(done).toMatchObject({ status: 'succeeded', payment_method: { type: 'sepa_debit', billing_details: { name: 'Jenny Rosen' } } });
    expect((await s.stripe.mandates.retrieve(String(done.mandate))).status).toBe('active');
    await page.close();
  });

  it('Payment Element: card tab with redirect "if_required" resolves the SetupIntent without leaving', async () => {
    const si = await s.stripe.setupIntents.create({ customer, allowed_payment_method_types: ['card'] });
    const page = await openHost(browser, host.url);
    await page.evaluate((cs) => {
      const w = window as unknown as Host;
      w.els = w.stripe.elements({ clientSecret: cs });
      w.payment = w.track(w.els.create('payment'), 'payment');
      w.payment.mount('#payment');
    }, si.client_secret ?? '');
    await page.waitForFunction(() => (window as unknown as Host).events.some((e) => e.name === 'payment' && e.kind === 'ready'));
    const frame = page.frameLocator('#payment iframe');
    expect(await frame.getByRole('tab').count()).toBe(0);
    const submit = () =>
      page.evaluate(() => {
        const w = window as unknown as Host;
        return w.stripe.confirmSetup({ elements: w.els, redirect: 'if_required' }) as Promise<unknown>;
      }) as Promise<Record<string, Record<string, unknown>>>;
    expect((await submit()).error).toMatchObject({ type: 'validation_error', code: 'incomplete_number', message: 'Your card number is incomplete.' });
    await frame.getByLabel('Card number').fill('5555 5555 5555 4444');
    await frame.getByLabel('Expiration date').fill('12 / 34');
    await frame.getByLabel('Security code').fill('123');
    expect((await submit()).setupIntent).toMatchObject({ id: si.id, status: 'succeeded' });
    expect(page.url()).toBe(`${host.url}/`);
    await page.close();
  });

  it('Payment Element without an intent: allowedPaymentMethodTypes decides the tabs; anything but an array is an IntegrationError', async () => {
    const page = await openHost(browser, host.url);
    const thrown = await page.evaluate(() => {
      const w = window as unknown as Host;
      const attempt = (fn: () => unknown) => {
        try {
          fn();
          return null;
        } catch (err) {
          return { name: (err as Error).name, message: (err as Error).message };
        }
      };
      const loose = w.stripe.elements as (o: unknown) => StripeElements;
      return {
        create: attempt(() => loose({ mode: 'setup', allowedPaymentMethodTypes: 'card' })),
        update: attempt(() => (w.stripe.elements({ mode: 'setup' }).update as (o: unknown) => void)({ allowedPaymentMethodTypes: [1] })),
        array: attempt(() => w.stripe.elements({ mode: 'setup', allowedPaymentMethodTypes: ['card'] })),
      };
    });
    const notAnArray = { name: 'IntegrationError', message: expect.stringContaining('allowedPaymentMethodTypes should be an array') };
    expect(thrown).toEqual({ create: notAnArray, update: notAnArray, array: null });

    const tabsFor = async (allowedPaymentMethodTypes: string[]) => {
      const p = await openHost(browser, host.url);
      await p.evaluate((allowed) => {
        const w = window as unknown as Host;
        w.els = w.stripe.elements({ mode: 'setup', allowedPaymentMethodTypes: allowed });
        w.payment = w.track(w.els.create('payment'), 'payment');
        w.payment.mount('#payment');
      }, allowedPaymentMethodTypes);
      await p.waitForFunction(() => (window as unknown as Host).events.some((e) => e.name === 'payment' && e.kind === 'ready'));
      const frame = p.frameLocator('#payment iframe');
      await expect.poll(() => frame.getByLabel('Card number').count()).toBe(1);
      const tabs = await frame.getByRole('tab').allTextContents();
      await p.close();
      return tabs;
    };
    expect(await tabsFor(['card', 'sepa_debit'])).toEqual(['Card', 'SEPA Direct Debit']);
    expect(await tabsFor(['card'])).toEqual([]);
    await page.close();
  });

  it('Payment Element without an intent: submit, then confirmSetup with the client secret; a SEPA account on a card-only SetupIntent is refused', async () => {
    const page = await openHost(browser, host.url);
    await page.evaluate(() => {
      const w = window as unknown as Host;
      w.els = w.stripe.elements({ mode: 'setup', allowedPaymentMethodTypes: ['card', 'sepa_debit'] });
      w.payment = w.track(w.els.create('payment'), 'payment');
      w.payment.mount('#payment');
    });
    await page.waitForFunction(() => (window as unknown as Host).events.some((e) => e.name === 'payment' && e.kind === 'ready'));
    const frame = page.frameLocator('#payment iframe');
    await frame.getByRole('tab', { name: 'SEPA Direct Debit' }).click();
    await frame.getByLabel('Full name').fill('Jenny Rosen');
    await frame.getByLabel('Email').fill('jenny@example.com');
    await frame.getByLabel('IBAN').fill('DE89 3704 0044 0532 0130 00');
    const confirm = (cs: string) =>
      page.evaluate(async (clientSecret) => {
        const w = window as unknown as Host;
        const submitted = await w.els.submit();
        if (submitted.error) return { submitError: submitted.error };
        return (await w.stripe.confirmSetup({ elements: w.els, clientSecret, redirect: 'if_required' })) as unknown;
      }, cs) as Promise<Record<string, Record<string, unknown>>>;
    const cardOnly = await s.stripe.setupIntents.create({ customer, allowed_payment_method_types: ['card'] });
    expect((await confirm(cardOnly.client_secret ?? '')).error).toMatchObject({ type: 'invalid_request_error', code: 'payment_method_invalid_parameter' });
    expect((await s.stripe.setupIntents.retrieve(cardOnly.id)).status).toBe('requires_payment_method');
    const both = await s.stripe.setupIntents.create({ customer, allowed_payment_method_types: ['card', 'sepa_debit'] });
    expect((await confirm(both.client_secret ?? '')).setupIntent).toMatchObject({ id: both.id, status: 'succeeded' });
    const done = await s.stripe.setupIntents.retrieve(both.id, { expand: ['payment_method'] });
    expect(done).toMatchObject({ status: 'succeeded', payment_method: { type: 'sepa_debit', billing_details: { name: 'Jenny Rosen' } } });
    await page.close();
  });

  it('survives React StrictMode: destroy then create again; one Element per type at a time', async () => {
    const page = await openHost(browser, host.url);
    const outcome = await page.evaluate(() => {
      const w = window as unknown as Host;
      const els = w.stripe.elements();
      const first = els.create('card');
      first.mount('#card');
      let duplicate = '';
      try {
        els.create('card');
      } catch (err) {
        duplicate = (err as Error).message;
      }
      first.destroy();
      w.card = w.track(els.create('card', { hidePostalCode: true }), 'card');
      w.card.mount('#card');
      return { duplicate, frames: document.querySelectorAll('#card iframe').length, same: els.getElement('card') === w.card };
    });
    expect(outcome).toEqual({ duplicate: 'Can only create one Element of type card.', frames: 1, same: true });
    await page.waitForFunction(() => (window as unknown as Host).events.some((e) => e.name === 'card' && e.kind === 'ready'));
    await page.close();
  });
});
