import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startStripe, TEST_KEYS, type RunningStripe } from './test-support';

/** A tiny webhook endpoint: verifies each delivery with the SDK, can be told to fail. */
type Received = { raw: string; signature: string; event?: Stripe.Event; error?: string };
let receiver: http.Server;
let receiverUrl: string;
const received: Received[] = [];
let failuresLeft = 0;

let s: RunningStripe;
const verifier = new Stripe(TEST_KEYS.secretKey);

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const signature = String(req.headers['stripe-signature'] ?? '');
      const entry: Received = { raw, signature };
      try {
        entry.event = verifier.webhooks.constructEvent(raw, signature, TEST_KEYS.webhookSecret);
      } catch (err) {
        entry.error = (err as Error).message;
      }
      received.push(entry);
      if (failuresLeft > 0) {
        failuresLeft--;
        res.writeHead(500).end('try later');
      } else res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/stripe-webhook`;
  s = await startStripe({ webhookUrl: receiverUrl, retrySchedule: 'fast' });
});

afterAll(async () => {
  await s.close();
  receiver.closeAllConnections();
  await new Promise<void>((r) => receiver.close(() => r()));
});

const eventsOf = (type: string) => received.filter((r) => r.event?.type === type);

describe('events and signed webhooks', () => {
  it('sends the payment events an approval follows (succeeded, payment_failed, canceled, processing), signed', async () => {
    received.length = 0;
    const c = await s.stripe.customers.create({});
    const failing = await s.stripe.paymentIntents
      .create({ amount: 1000, currency: 'dkk', customer: c.id, payment_method: 'pm_card_chargeDeclined', confirm: true })
      .catch((err: { raw?: { payment_intent?: { id: string } } }) => err.raw?.payment_intent);
    await s.stripe.paymentIntents.cancel(failing?.id ?? '');
    await s.stripe.paymentIntents.create({ amount: 1000, currency: 'dkk', customer: c.id, payment_method: 'pm_card_visa', confirm: true });
    const sepa = await s.stripe.paymentMethods.create({
      type: 'sepa_debit',
      sepa_debit: { iban: 'DE89370400440532013000' },
      billing_details: { name: 'Jenny Rosen', email: 'jenny@example.com' },
    });
    const debit = await s.stripe.paymentIntents.create({
      amount: 1000,
      currency: 'eur',
      customer: c.id,
      payment_method: sepa.id,
      confirm: true,
      mandate_data: { customer_acceptance: { type: 'offline' } },
    } as never);
    // SEPA settles a moment later: wait for it, so its events never reach the next test's endpoint.
    await eventually(
      () => s.stripe.paymentIntents.retrieve(debit.id),
      (pi) => pi.status === 'succeeded',
    );
    await s.emulator.waitForWebhooks();
    expect(received.every((r) => r.error === undefined)).toBe(true);
    for (const type of ['payment_intent.succeeded', 'payment_intent.payment_failed', 'payment_intent.canceled', 'payment_intent.processing']) {
      expect(eventsOf(type).length, type).toBeGreaterThan(0);
    }
    expect(eventsOf('payment_intent.canceled')[0]?.event?.data.object).toMatchObject({ id: failing?.id, status: 'canceled' });
  });

  it('delivers events signed so stripe.webhooks.constructEvent accepts them', async () => {
    received.length = 0;
    const c = await s.stripe.customers.create({});
    const si = await s.stripe.setupIntents.create({ customer: c.id, payment_method: 'pm_card_visa', confirm: true, metadata: { account: 'CUST9' } });
    await s.emulator.waitForWebhooks();
    expect(received.every((r) => r.error === undefined)).toBe(true);
    expect(received[0]?.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const succeeded = eventsOf('setup_intent.succeeded');
    expect(succeeded).toHaveLength(1);
    const event = succeeded[0]?.event;
    expect(event).toMatchObject({ object: 'event', livemode: false, data: { object: { id: si.id, status: 'succeeded', metadata: { account: 'CUST9' } } } });
    expect(event?.request?.id).toMatch(/^req_/);
    expect(eventsOf('payment_method.attached')).toHaveLength(1);
  });

  it('signs the exact bytes sent: a re-serialized body does not verify', async () => {
    const entry = received[0];
    expect(entry).toBeDefined();
    const reserialized = JSON.stringify(JSON.parse(entry?.raw ?? '{}'));
    expect(() => verifier.webhooks.constructEvent(reserialized, entry?.signature ?? '', TEST_KEYS.webhookSecret)).toThrow();
    expect(() => verifier.webhooks.constructEvent(entry?.raw ?? '', entry?.signature ?? '', 'whsec_other')).toThrow();
  });

  it('retries failed deliveries with backoff until acknowledged', async () => {
    received.length = 0;
    failuresLeft = 2;
    const c = await s.stripe.customers.create({ email: 'retry@example.com' });
    await s.emulator.waitForWebhooks();
    const attempts = received.filter((r) => r.event?.data.object && 'id' in r.event.data.object && r.event.data.object.id === c.id);
    expect(attempts).toHaveLength(3);
    const log = s.emulator.webhookDeliveries().filter((d) => d.eventType === 'customer.created' && attempts[0]?.event?.id === d.eventId);
    expect(log.map((d) => [d.attempt, d.status])).toEqual([
      [1, 500],
      [2, 500],
      [3, 200],
    ]);
    const event = await s.stripe.events.retrieve(attempts[0]?.event?.id ?? '');
    expect(event.pending_webhooks).toBe(0);
  });

  it('lists events newest first, filtered by type, and records failures', async () => {
    const c = await s.stripe.customers.create({});
    await s.stripe.setupIntents.create({ customer: c.id, payment_method: 'pm_card_chargeDeclined', confirm: true }).catch(() => undefined);
    const failed = await s.stripe.events.list({ type: 'setup_intent.setup_failed', limit: 1 });
    expect(failed.data[0]?.data.object).toMatchObject({ status: 'requires_payment_method', last_setup_error: { decline_code: 'generic_decline' } });
    const all = await s.stripe.events.list({ limit: 3 });
    expect(all.data.map((e) => e.type)).toEqual(['setup_intent.setup_failed', 'setup_intent.created', 'customer.created']);
    const wildcard = await s.stripe.events.list({ type: 'setup_intent.*', limit: 100 });
    expect(wildcard.data.every((e) => e.type.startsWith('setup_intent.'))).toBe(true);
  });

  it('records payment events for an off-session failure', async () => {
    received.length = 0;
    const c = await s.stripe.customers.create({});
    const pm = await s.stripe.paymentMethods.attach('pm_card_authenticationRequired', { customer: c.id });
    await s.stripe.paymentIntents
      .create({ amount: 5000, currency: 'eur', customer: c.id, payment_method: pm.id, off_session: true, confirm: true })
      .catch(() => undefined);
    await s.emulator.waitForWebhooks();
    const failed = eventsOf('payment_intent.payment_failed')[0]?.event?.data.object as Stripe.PaymentIntent | undefined;
    expect(failed?.last_payment_error?.code).toBe('authentication_required');
  });
});
