import { chromium, type Browser, type Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinked, startEmulator, startReceiver, type Started } from './test-support';

/** The hosted payment window in a real browser (Debian's Chromium), on a phone-sized screen. */
let s: Started;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  s = await startEmulator();
  receiver = await startReceiver(() => 200, {
    '/continue': '<h1>Back at the shop: card added</h1>',
    '/cancel': '<h1>Back at the shop: cancelled</h1>',
  });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  page = await context.newPage();
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await receiver?.close();
  await s?.server.close();
});

async function enterCard(number: string, expiry = '12/30', cvc = '123') {
  await page.getByLabel('Card number').fill(number);
  await page.getByLabel('Expiry (MM/YY)').fill(expiry);
  await page.getByLabel('CVC').fill(cvc);
  await page.getByRole('button', { name: 'Save card' }).click();
}

const getSub = async (id: number) =>
  (await s.call('GET', `/subscriptions/${id}`)).body as {
    accepted: boolean;
    metadata: Record<string, unknown>;
    operations: Array<{ qp_status_code: string; qp_status_msg: string }>;
  };

describe('hosted payment window', () => {
  it('saves the approved test card and lands on continue_url (303), after which the callback says accepted', async () => {
    const { id, url } = await createLinked(s, receiver.url);
    await page.goto(url);
    await expect(page.getByRole('region', { name: 'Test mode' }).textContent()).resolves.toContain('1000 0000 0000 0008');
    const before = receiver.received.length;
    await enterCard('1000 0000 0000 0008');
    await page.waitForURL(`${receiver.url}/continue`);
    expect(await page.locator('h1').textContent()).toBe('Back at the shop: card added');
    await receiver.waitFor(before + 1);
    expect(JSON.parse(receiver.received[before]?.body ?? '{}')).toMatchObject({ id, accepted: true, state: 'active' });
    expect((await getSub(id)).metadata).toMatchObject({ brand: 'visa', last4: '0008', exp_month: 12, exp_year: 2030 });
  }, 20_000);

  it('speaks the link’s language: Danish for `da`, English by default (QuickPay’s default)', async () => {
    const danish = await createLinked(s, receiver.url, undefined, 'da');
    await page.goto(danish.url);
    expect(await page.locator('html').getAttribute('lang')).toBe('da');
    await expect(page.getByLabel('Kortnummer').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Gem kort' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('link', { name: 'Annuller og gå tilbage' }).isVisible()).resolves.toBe(true);
    // Its problems too, and no acquirer status text: a mistyped number, then a card the bank refuses.
    await page.getByLabel('Kortnummer').fill('1234 5678 9012 3456');
    await page.getByRole('button', { name: 'Gem kort' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toBe('Kortnummeret er ikke gyldigt.');
    await page.getByLabel('Kortnummer').fill('1000000000000016');
    await page.getByLabel('Udløbsdato (MM/ÅÅ)').fill('12/30');
    await page.getByLabel('Kontrolcifre').fill('123');
    await page.getByRole('button', { name: 'Gem kort' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toBe('Kortet blev afvist. Prøv igen, eller brug et andet kort.');
    const english = await createLinked(s, receiver.url);
    await page.goto(english.url);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expect(page.getByLabel('Card number').isVisible()).resolves.toBe(true);
  }, 20_000);

  it("shows a rejected card's error, lets the customer retry, then continues", async () => {
    const { id, url } = await createLinked(s, receiver.url);
    await page.goto(url);
    await enterCard('1000000000000016');
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/declined/i);
    expect(page.url()).toContain('/window/');
    expect((await getSub(id)).accepted).toBe(false);
    await enterCard('1000000000000008');
    await page.waitForURL(`${receiver.url}/continue`);
    const sub = await getSub(id);
    expect(sub.accepted).toBe(true);
    expect(sub.operations).toHaveLength(2);
  }, 20_000);

  it('takes the 3-D Secure card through its challenge (approve): 30100 then 20000 in the history, is_3d_secure', async () => {
    const { id, url } = await createLinked(s, receiver.url);
    await page.goto(url);
    await enterCard('1000 0000 0000 0073');
    await page.getByRole('heading', { name: '3-D Secure authentication' }).waitFor();
    const waiting = await getSub(id);
    expect(waiting.operations.map((o) => [o.qp_status_code, o.qp_status_msg])).toEqual([['30100', '3-D Secure is required']]);
    expect(waiting.accepted).toBe(false);
    await page.getByRole('button', { name: 'Approve authentication' }).click();
    await page.waitForURL(`${receiver.url}/continue`);
    const done = await getSub(id);
    expect(done.metadata).toMatchObject({ is_3d_secure: true, last4: '0073' });
    expect(done.operations.map((o) => o.qp_status_code)).toEqual(['30100', '20000']);
    expect(done.accepted).toBe(true);
  }, 20_000);

  it('a failed challenge leaves the subscription unaccepted and the window open; cancel goes to cancel_url', async () => {
    const { id, url } = await createLinked(s, receiver.url);
    await page.goto(url);
    await enterCard('1000000000000073');
    await page.getByRole('button', { name: 'Fail authentication' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/3-D Secure/);
    expect((await getSub(id)).accepted).toBe(false);
    await page.getByRole('link', { name: 'Cancel and go back' }).click();
    await page.waitForURL(`${receiver.url}/cancel`);
  }, 20_000);
});
