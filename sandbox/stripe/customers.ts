import type Stripe from 'stripe';
import type { ApiContext, ApiRoutes } from './api-routes';
import { invalidRequest, noSuch } from './errors';
import { changedAttributes } from './events';
import { newCustomerId, newInvoicePrefix, nowSeconds } from './ids';
import { LIST_PARAMS, listResponse, newestFirst } from './lists';
import { attachPaymentMethod, detachPaymentMethod, paymentMethodRecord } from './payment-method-store';
import { applyMetadata, type Params } from './params';
import { parseAddress, parseShipping } from './details';
import type { StripeState } from './state';

const WRITABLE = [
  'address',
  'balance',
  'business_name',
  'cash_balance',
  'description',
  'email',
  'expand',
  'individual_name',
  'invoice_prefix',
  'invoice_settings',
  'metadata',
  'name',
  'next_invoice_sequence',
  'phone',
  'preferred_locales',
  'shipping',
  'source',
  'tax',
  'tax_exempt',
  'validate',
];
const CREATE = [...WRITABLE, 'payment_method', 'tax_id_data', 'test_clock'];
const UPDATE = [...WRITABLE, 'default_source'];

export function getCustomer(state: StripeState, id: string, param?: string): Stripe.Customer {
  const c = state.customers.get(id);
  if (!c) throw noSuch('customer', id, param);
  return c;
}

function applyCustomerParams(state: StripeState, c: Stripe.Customer, p: Params): void {
  for (const k of ['description', 'email', 'name', 'phone'] as const) {
    const v = p.nullableString(k);
    if (v !== undefined) c[k] = v;
  }
  if (p.has('address')) c.address = p.raw.address === '' ? null : parseAddress(p.object('address'));
  if (p.has('shipping')) c.shipping = parseShipping(p.object('shipping'));
  if (p.has('balance')) c.balance = p.int('balance') ?? 0;
  if (p.has('preferred_locales')) c.preferred_locales = p.strings('preferred_locales') ?? [];
  const taxExempt = p.enum('tax_exempt', ['none', 'exempt', 'reverse'] as const);
  if (taxExempt) c.tax_exempt = taxExempt;
  c.metadata = applyMetadata(c.metadata, p.metadata());
  const invoice = p.object('invoice_settings');
  if (invoice) {
    invoice.allowOnly(['custom_fields', 'default_payment_method', 'footer', 'rendering_options']);
    const pm = invoice.nullableString('default_payment_method');
    if (pm) {
      if (state.paymentMethods.get(pm)?.pm.customer !== c.id) {
        throw invalidRequest(`The customer does not have a payment method with the ID ${pm}. The payment method must be attached to the customer.`, {
          param: 'invoice_settings[default_payment_method]',
          code: 'resource_missing',
        });
      }
    }
    if (pm !== undefined) c.invoice_settings = { ...c.invoice_settings, default_payment_method: pm };
    const footer = invoice.nullableString('footer');
    if (footer !== undefined) c.invoice_settings = { ...c.invoice_settings, footer };
  }
}

function createCustomer(ctx: ApiContext): Stripe.Customer {
  const p = ctx.params.allowOnly(CREATE);
  const c: Stripe.Customer = {
    id: newCustomerId(),
    object: 'customer',
    address: null,
    balance: 0,
    created: nowSeconds(),
    currency: null,
    customer_account: null,
    default_source: null,
    delinquent: false,
    description: null,
    discount: null,
    email: null,
    invoice_prefix: p.string('invoice_prefix') ?? newInvoicePrefix(),
    invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
    livemode: false,
    metadata: {},
    name: null,
    next_invoice_sequence: 1,
    phone: null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: 'none',
    test_clock: null,
  };
  const pm = p.string('payment_method');
  applyCustomerParams(ctx.state, c, p);
  ctx.state.customers.set(c.id, c);
  ctx.state.emit('customer.created', c, ctx.request);
  if (pm) attachPaymentMethod(ctx.state, paymentMethodRecord(ctx.state, pm, 'payment_method'), c.id, ctx.request);
  return c;
}

function updateCustomer(ctx: ApiContext): Stripe.Customer {
  const c = getCustomer(ctx.state, ctx.path.id ?? '');
  const before = structuredClone(c);
  applyCustomerParams(ctx.state, c, ctx.params.allowOnly(UPDATE));
  const previous = changedAttributes(before, c);
  if (previous) ctx.state.emit('customer.updated', c, ctx.request, previous);
  return c;
}

function deleteCustomer(ctx: ApiContext) {
  const c = getCustomer(ctx.state, ctx.path.id ?? '');
  for (const rec of ctx.state.paymentMethods.values()) {
    if (rec.pm.customer === c.id) detachPaymentMethod(ctx.state, rec, ctx.request);
  }
  ctx.state.customers.delete(c.id);
  ctx.state.deletedCustomers.add(c.id);
  ctx.state.emit('customer.deleted', c, ctx.request);
  return { id: c.id, object: 'customer', deleted: true };
}

export function registerCustomerRoutes(routes: ApiRoutes): void {
  routes
    .post('/v1/customers', createCustomer)
    .get('/v1/customers', (ctx) => {
      const p = ctx.params.allowOnly([...LIST_PARAMS, 'email', 'test_clock']);
      const email = p.string('email');
      const all = newestFirst(ctx.state.customers.values()).filter((c) => !email || c.email === email);
      return listResponse(all, p, '/v1/customers');
    })
    .get('/v1/customers/:id', (ctx) => {
      ctx.params.allowOnly(['expand']);
      const id = ctx.path.id ?? '';
      if (ctx.state.deletedCustomers.has(id)) return { id, object: 'customer', deleted: true };
      return getCustomer(ctx.state, id);
    })
    .post('/v1/customers/:id', updateCustomer)
    .delete('/v1/customers/:id', deleteCustomer);
}
