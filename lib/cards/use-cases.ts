import type Stripe from 'stripe';
import type { CustomerSession } from '@/lib/auth/session-token';
import type { Db } from '@/lib/db/connect';
import type { Refused } from '@/lib/domain/outcomes';
import type { QuickpayClient } from '@/lib/quickpay/client';
import type { FenerumClient } from '@/lib/fenerum/types';
import type { Registrar } from '@/lib/registrations/registrar';
import type { PortalCache } from './portal';
import { quickpayCameBack, type ReturnState } from './quickpay/finish';
import { startQuickpayCard, type QuickpayStart } from './quickpay/start';
import type { TestModePolicy } from './quickpay/test-mode';
import { stripeSetupCameBack, type SetupCameBack } from './stripe/came-back';
import { createSetupIntentFor, type SetupIntentStart } from './stripe/create-setup-intent';
import { offersSepaTo } from './sepa';

/** Adding a card, with its dependencies and configuration bound once by the composition root (lib/server/context.ts). */
export type CardUseCases = {
  /** A SetupIntent for the session's account (its open one again, if any). */
  startStripe(session: CustomerSession, ip: string | null): Promise<SetupIntentStart | Refused>;
  /** A QuickPay window that saves a card to the session's account (its open one again, if any). */
  startQuickpay(session: CustomerSession, language: 'da' | 'en', ip: string | null): Promise<QuickpayStart | Refused>;
  /** The customer is back from a Stripe setup (POST /api/register-payment-card and /pay/stripe/return). */
  stripeCameBack(session: Pick<CustomerSession, 'accountCode'>, setupIntentId: string): Promise<SetupCameBack>;
  /** The customer is back from QuickPay's window (/pay/quickpay/return). */
  quickpayCameBack(session: CustomerSession, registrationId: string): Promise<ReturnState>;
};

export type CardDeps = {
  db: Db;
  stripe: Stripe;
  quickpay: QuickpayClient;
  /** The account's country and currency decide SEPA (read through the portal's account cache). */
  fenerum: Pick<FenerumClient, 'getAccount'>;
  portalCache: Pick<PortalCache, 'accounts'>;
  registrar: Pick<Registrar, 'tryNow'>;
  appUrl: string;
  sepaEnabled: boolean;
  setupsPerHour: number;
  quickpayTestMode: TestModePolicy;
};

export function createCardUseCases(deps: CardDeps): CardUseCases {
  const { db, stripe, quickpay, registrar, appUrl, sepaEnabled, setupsPerHour, quickpayTestMode, fenerum, portalCache } = deps;
  const sepa = (accountCode: string) => offersSepaTo({ sepaEnabled, fenerum, portalCache }, accountCode);
  return {
    startStripe: (session, ip) => createSetupIntentFor({ db, stripe, sepa, setupsPerHour }, session, ip),
    startQuickpay: (session, language, ip) => startQuickpayCard({ db, quickpay, appUrl, setupsPerHour }, session, language, ip),
    stripeCameBack: (session, setupIntentId) => stripeSetupCameBack({ db, stripe, registrar }, session.accountCode, setupIntentId),
    quickpayCameBack: (session, registrationId) => quickpayCameBack({ db, quickpay, quickpayTestMode, registrar }, session, registrationId),
  };
}
