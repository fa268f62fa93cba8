import type Stripe from 'stripe';
import type { ApiContext, ApiRoutes } from './api-routes';
import { invalidRequest, missingParam, noSuch } from './errors';
import { newId, nowSeconds, randomToken } from './ids';
import type { Params } from './params';
import type { RequestInfo } from './records';
import type { StripeState } from './state';

type Acceptance = Stripe.Mandate.CustomerAcceptance;

/** `mandate_data[customer_acceptance]`; Stripe.js sends `online[infer_from_client]=true`. */
export function parseMandateData(ctx: ApiContext, p: Params | undefined): Acceptance | null {
  if (!p) return null;
  p.allowOnly(['customer_acceptance']);
  const ca = p.object('customer_acceptance');
  if (!ca) throw missingParam('mandate_data[customer_acceptance]');
  ca.allowOnly(['accepted_at', 'offline', 'online', 'type']);
  const type = ca.enum('type', ['online', 'offline'] as const);
  if (!type) throw missingParam('mandate_data[customer_acceptance][type]');
  const acceptedAt = ca.int('accepted_at') ?? nowSeconds();
  if (type === 'offline') return { accepted_at: acceptedAt, offline: {}, type };
  const online = ca.object('online');
  if (!online) throw missingParam('mandate_data[customer_acceptance][online]');
  online.allowOnly(['ip_address', 'user_agent', 'infer_from_client']);
  if (online.bool('infer_from_client')) {
    if (ctx.auth !== 'publishable')
      throw invalidRequest('infer_from_client can only be used with a publishable key.', {
        param: 'mandate_data[customer_acceptance][online][infer_from_client]',
      });
    return { accepted_at: acceptedAt, online: { ip_address: ctx.client.ip, user_agent: ctx.client.userAgent }, type };
  }
  return {
    accepted_at: acceptedAt,
    online: { ip_address: online.requiredString('ip_address'), user_agent: online.requiredString('user_agent') },
    type,
  };
}

export function createSepaMandate(state: StripeState, paymentMethod: string, acceptance: Acceptance, status: Stripe.Mandate.Status): Stripe.Mandate {
  const id = newId('mandate');
  const mandate: Stripe.Mandate = {
    id,
    object: 'mandate',
    customer_acceptance: acceptance,
    livemode: false,
    multi_use: {},
    payment_method: paymentMethod,
    payment_method_details: {
      sepa_debit: { reference: randomToken(16).toUpperCase(), url: `${state.options.publicUrl}/mandates/${id}` },
      type: 'sepa_debit',
    },
    status,
    type: 'multi_use',
  };
  state.mandates.set(id, mandate);
  return mandate;
}

export function setMandateStatus(state: StripeState, mandate: Stripe.Mandate, status: Stripe.Mandate.Status, request: RequestInfo): void {
  if (mandate.status === status) return;
  const previous = { status: mandate.status };
  mandate.status = status;
  state.emit('mandate.updated', mandate, request, previous);
}

/** The active mandate a SEPA PaymentMethod was set up with, if any. */
export const activeMandateFor = (state: StripeState, paymentMethod: string): Stripe.Mandate | undefined =>
  [...state.mandates.values()].find((m) => m.payment_method === paymentMethod && m.status === 'active');

export function registerMandateRoutes(routes: ApiRoutes): void {
  routes.get('/v1/mandates/:id', (ctx) => {
    ctx.params.allowOnly(['expand']);
    const m = ctx.state.mandates.get(ctx.path.id ?? '');
    if (!m) throw noSuch('mandate', ctx.path.id ?? '');
    return m;
  });
}
