import { randomUUID } from 'node:crypto';
import type Stripe from 'stripe';
import { audit } from '@/lib/audit';
import type { CustomerSession } from '@/lib/auth/session-token';
import type { Db } from '@/lib/db/connect';
import { startRegistration } from '@/lib/registrations/store';
import { findOrCreateCustomer, isMissingCustomer } from './customer';

export type SetupIntentStart = { clientSecret: string; setupIntentId: string };

/**
 * A SetupIntent for the session's account: off-session use (Fenerum charges later without the
 * customer), the account in its metadata, and our pending registration keyed by its id.
 */
export async function createSetupIntentFor(
  deps: { db: Db; stripe: Stripe; sepaEnabled: boolean },
  session: CustomerSession,
  ip: string | null,
): Promise<SetupIntentStart> {
  const registrationId = randomUUID();
  const create = (customer: string) =>
    deps.stripe.setupIntents.create(
      {
        customer,
        usage: 'off_session',
        allowed_payment_method_types: deps.sepaEnabled ? ['card', 'sepa_debit'] : ['card'],
        metadata: { fenerum_account: session.accountCode, portal_registration: registrationId },
      },
      { idempotencyKey: `portal-seti-${registrationId}-${customer}` },
    );
  const customer = await findOrCreateCustomer(deps.db, deps.stripe, session);
  const intent = await create(customer).catch(async (err: unknown) => {
    if (!isMissingCustomer(err)) throw err;
    console.warn(`Stripe no longer knows customer ${customer} of ${session.accountCode}; making a new one`);
    return create(await findOrCreateCustomer(deps.db, deps.stripe, session, customer));
  });
  if (!intent.client_secret) throw new Error('Stripe returned a SetupIntent without a client secret');
  await startRegistration(deps.db, {
    id: registrationId,
    gateway: 'stripe_new',
    providerRef: intent.id,
    accountCode: session.accountCode,
    accountUuid: session.accountUuid,
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
