import type { ApiContext, ApiRoutes } from './api-routes';
import { getCustomer } from './customers';
import { invalidRequest, noSuch } from './errors';
import { parseBillingDetails } from './details';
import { changedAttributes } from './events';
import { LIST_PARAMS, listResponse, newestFirst } from './lists';
import { applyMetadata } from './params';
import { PAYMENT_METHOD_CREATE_PARAMS, paymentMethodFromParams } from './payment-method-params';
import { attachPaymentMethod, detachPaymentMethod, paymentMethodRecord } from './payment-method-store';

function createPaymentMethod(ctx: ApiContext) {
  const p = ctx.params.allowOnly(PAYMENT_METHOD_CREATE_PARAMS);
  if (p.has('customer') || p.has('payment_method')) {
    throw invalidRequest('Cloning PaymentMethods (customer, payment_method) is for Connect platforms and is not available in the sandbox.', {
      param: 'customer',
    });
  }
  return paymentMethodFromParams(ctx, p).pm;
}

function updatePaymentMethod(ctx: ApiContext) {
  const rec = paymentMethodRecord(ctx.state, ctx.path.id ?? '');
  const p = ctx.params.allowOnly(['allow_redisplay', 'billing_details', 'card', 'expand', 'metadata']);
  const before = structuredClone(rec.pm);
  if (p.has('billing_details')) rec.pm.billing_details = parseBillingDetails(p.object('billing_details'), rec.pm.billing_details);
  rec.pm.metadata = applyMetadata(rec.pm.metadata ?? {}, p.metadata());
  const card = p.object('card');
  if (card && rec.pm.card) {
    card.allowOnly(['exp_month', 'exp_year', 'networks']);
    rec.pm.card.exp_month = card.int('exp_month') ?? rec.pm.card.exp_month;
    rec.pm.card.exp_year = card.int('exp_year') ?? rec.pm.card.exp_year;
  }
  const redisplay = p.enum('allow_redisplay', ['always', 'limited', 'unspecified'] as const);
  if (redisplay) rec.pm.allow_redisplay = redisplay;
  const previous = changedAttributes(before, rec.pm);
  if (previous) ctx.state.emit('payment_method.updated', rec.pm, ctx.request, previous);
  return rec.pm;
}

function listForCustomer(ctx: ApiContext, customer: string | undefined, url: string) {
  const type = ctx.params.string('type');
  const all = newestFirst(ctx.state.paymentMethods.values())
    .map((r) => r.pm)
    .filter((pm) => (!customer || pm.customer === customer) && (!type || pm.type === type));
  return listResponse(all, ctx.params, url);
}

export function registerPaymentMethodRoutes(routes: ApiRoutes): void {
  routes
    .post('/v1/payment_methods', createPaymentMethod, { publishable: true })
    .get('/v1/payment_methods', (ctx) => {
      const p = ctx.params.allowOnly([...LIST_PARAMS, 'customer', 'type', 'allow_redisplay', 'customer_account']);
      const customer = p.string('customer');
      if (customer) getCustomer(ctx.state, customer, 'customer');
      return listForCustomer(ctx, customer, '/v1/payment_methods');
    })
    .get('/v1/payment_methods/:id', (ctx) => {
      ctx.params.allowOnly(['expand']);
      return paymentMethodRecord(ctx.state, ctx.path.id ?? '').pm;
    })
    .post('/v1/payment_methods/:id', updatePaymentMethod)
    .post('/v1/payment_methods/:id/attach', (ctx) => {
      const p = ctx.params.allowOnly(['customer', 'customer_account', 'expand']);
      const customer = p.requiredString('customer');
      const rec = paymentMethodRecord(ctx.state, ctx.path.id ?? '');
      attachPaymentMethod(ctx.state, rec, customer, ctx.request);
      return rec.pm;
    })
    .post('/v1/payment_methods/:id/detach', (ctx) => {
      ctx.params.allowOnly(['expand']);
      const rec = paymentMethodRecord(ctx.state, ctx.path.id ?? '');
      detachPaymentMethod(ctx.state, rec, ctx.request);
      return rec.pm;
    })
    .get('/v1/customers/:customer/payment_methods', (ctx) => {
      ctx.params.allowOnly([...LIST_PARAMS, 'type', 'allow_redisplay']);
      const customer = getCustomer(ctx.state, ctx.path.customer ?? '').id;
      return listForCustomer(ctx, customer, `/v1/customers/${customer}/payment_methods`);
    })
    .get('/v1/customers/:customer/payment_methods/:id', (ctx) => {
      ctx.params.allowOnly(['expand']);
      const customer = getCustomer(ctx.state, ctx.path.customer ?? '').id;
      const rec = ctx.state.paymentMethods.get(ctx.path.id ?? '');
      if (!rec || rec.pm.customer !== customer) throw noSuch('PaymentMethod', ctx.path.id ?? '');
      return rec.pm;
    });
}
