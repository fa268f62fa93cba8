import { randomUUID } from 'node:crypto';
import type Stripe from 'stripe';
import { audit } from '@/lib/audit';
import type { CustomerSession } from '@/lib/auth/session-token';
import type { Db } from '@/lib/db/connect';
import { refused, retryAfter, type Refused } from '@/lib/domain/outcomes';
import { releaseSetup, reserveSetup } from '@/lib/registrations/setup-budget';
import { findOpenStart, startRegistration } from '@/lib/registrations/store';
import { isStripeError } from '@/lib/stripe/errors';
import { findOrCreateCustomer, isMissingCustomer } from './customer';
import { setupMethodTypes } from './setup-method-types';
import { log } from '@/lib/log';

export type SetupIntentStart = { clientSecret: string; setupIntentId: string };
export type SetupIntentDeps = {
  db: Db;
  stripe: Stripe;
  /** Whether this account is offered SEPA Direct Debit too (lib/cards/sepa.ts `offersSepaTo`). */
  sepa: (accountCode: string) => Promise<boolean>;
  setupsPerHour: number;
};

/**
 * The session's own open SetupIntent, re-read from Stripe, while the customer can still enter a
 * card into it (`requires_payment_method`, same payment methods): a reload or a second click
 * gets it again instead of a new one.
 */
async function reusableIntent(deps: SetupIntentDeps, session: CustomerSession, types: string[]): Promise<SetupIntentStart | null> {
  const open = await findOpenStart(deps.db, 'stripe_new', session.accountCode, session.linkId);
  if (!open) return null;
  // One Stripe no longer knows (another Stripe account, a restarted sandbox) is simply not offered again.
  const intent = await deps.stripe.setupIntents.retrieve(open.providerRef).catch((err: unknown) => {
    if (isStripeError(err) && err.code === 'resource_missing') return null;
    throw err;
  });
  if (!intent) return null;
  const sameTypes = [...(intent.allowed_payment_method_types ?? intent.payment_method_types)].sort().join() === [...types].sort().join();
  if (intent.status !== 'requires_payment_method' || !sameTypes || !intent.client_secret) return null;
  return { clientSecret: intent.client_secret, setupIntentId: intent.id };
}

/**
 * A SetupIntent for the session's account: off-session use (Fenerum charges later without the
 * customer), the account in its metadata, and our pending registration keyed by its id. The
 * session's open one is offered again; a new one counts against the account's hourly cap.
 */
export async function createSetupIntentFor(deps: SetupIntentDeps, session: CustomerSession, ip: string | null): Promise<SetupIntentStart | Refused> {
  const types = setupMethodTypes(await deps.sepa(session.accountCode));
  const reused = await reusableIntent(deps, session, types);
  if (reused) return reused;
  const slot = await reserveSetup(deps.db, session.accountCode, 'stripe_new', { perHour: deps.setupsPerHour });
  if (!slot.ok) return retryAfter(refused('too-many'), slot.retryAfterSeconds);
  return makeSetupIntent(deps, session, types, ip).catch(async (err: unknown) => {
    await releaseSetup(deps.db, slot.id);
    throw err;
  });
}

async function makeSetupIntent(deps: SetupIntentDeps, session: CustomerSession, types: string[], ip: string | null): Promise<SetupIntentStart> {
  const registrationId = randomUUID();
  const create = (customer: string) =>
    deps.stripe.setupIntents.create(
      {
        customer,
        usage: 'off_session',
        allowed_payment_method_types: types,
        metadata: { fenerum_account: session.accountCode, portal_registration: registrationId },
      },
      { idempotencyKey: `portal-seti-${registrationId}-${customer}` },
    );
  const customer = await findOrCreateCustomer(deps.db, deps.stripe, session);
  const intent = await create(customer).catch(async (err: unknown) => {
    if (!isMissingCustomer(err)) throw err;
    log.warn({ customer, account: session.accountCode }, 'Stripe no longer knows the customer; making a new one');
    return create(await findOrCreateCustomer(deps.db, deps.stripe, session, customer));
  });
  if (!intent.client_secret) throw new Error('Stripe returned a SetupIntent without a client secret');
  await startRegistration(deps.db, {
    id: registrationId,
    gateway: 'stripe_new',
    providerRef: intent.id,
    accountCode: session.accountCode,
    accountUuid: session.accountUuid,
    linkId: session.linkId,
  });
  await audit(deps.db, {
    actor: `customer:${session.accountCode}`,
    action: 'card.add_started',
    accountCode: session.accountCode,
    subject: intent.id,
    details: { gateway: 'stripe_new' },
    ip,
  });
  return { clientSecret: intent.client_secret, setupIntentId: intent.id };
}
