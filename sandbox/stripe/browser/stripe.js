/* window.Stripe(publishableKey, options): the surface @stripe/stripe-js and
   @stripe/react-stripe-js use (they check elements, createToken, createPaymentMethod and
   confirmCardPayment exist). */

function StripeSandbox(key, options) {
  if (typeof key !== 'string' || key === '') throw IntegrationError('Please call Stripe() with your publishable key. You used an empty string.');
  if (/^sk_/.test(key)) throw IntegrationError('You should not use your secret key with Stripe.js.\nPlease pass a publishable key instead.');
  if (!/^pk_/.test(key)) throw IntegrationError('Invalid API Key provided: ' + key);
  this._key = key;
  this._options = options || {};
  this._apiVersion = this._options.apiVersion || null;
}

var proto = StripeSandbox.prototype;

proto.elements = function (options) { return new Elements(this, options); };

proto.confirmSetup = function (options) { return confirmWithElements(this, 'setup_intent', options, 'stripe.confirmSetup'); };
proto.confirmPayment = function (options) { return confirmWithElements(this, 'payment_intent', options, 'stripe.confirmPayment'); };
proto.confirmCardSetup = function (clientSecret, data, options) { return confirmCard(this, 'setup_intent', clientSecret, data, options, 'stripe.confirmCardSetup'); };
proto.confirmCardPayment = function (clientSecret, data, options) { return confirmCard(this, 'payment_intent', clientSecret, data, options, 'stripe.confirmCardPayment'); };

proto.confirmSepaDebitSetup = function (clientSecret, data) {
  var self = this;
  assertKind(clientSecret, 'setup_intent', 'stripe.confirmSepaDebitSetup');
  var pm = data && data.payment_method;
  var created = typeof pm === 'string'
    ? Promise.resolve({ body: { id: pm, type: 'sepa_debit' } })
    : apiRequest(this._key, 'POST', '/v1/payment_methods', { type: 'sepa_debit', sepa_debit: pm && pm.sepa_debit, billing_details: pm && pm.billing_details });
  return created.then(function (result) {
    if (result.error) return { error: result.error };
    var params = merge(paymentMethodParams(result.body), data && data.return_url ? { return_url: data.return_url } : {});
    return confirmWith(self, 'setup_intent', clientSecret, params, { method: 'stripe.confirmSepaDebitSetup', redirect: 'never' });
  });
};

proto.handleNextAction = function (options) {
  if (!options || typeof options.clientSecret !== 'string') throw IntegrationError('stripe.handleNextAction(): pass { clientSecret }.');
  return handleNextActionFor(this, options.clientSecret, 'stripe.handleNextAction');
};
proto.handleCardAction = function (clientSecret) { return handleNextActionFor(this, clientSecret, 'stripe.handleCardAction'); };
proto.handleCardSetup = function (clientSecret, element, data) {
  return confirmCard(this, 'setup_intent', clientSecret, merge({ payment_method: { card: element } }, data), {}, 'stripe.handleCardSetup');
};

proto.retrieveSetupIntent = function (clientSecret) {
  assertKind(clientSecret, 'setup_intent', 'stripe.retrieveSetupIntent');
  return retrieveIntent(this._key, clientSecret, 'stripe.retrieveSetupIntent').then(function (r) { return r.error ? { error: r.error } : { setupIntent: r.body }; });
};
proto.retrievePaymentIntent = function (clientSecret) {
  assertKind(clientSecret, 'payment_intent', 'stripe.retrievePaymentIntent');
  return retrieveIntent(this._key, clientSecret, 'stripe.retrievePaymentIntent').then(function (r) { return r.error ? { error: r.error } : { paymentIntent: r.body }; });
};

/** createPaymentMethod({type:'card', card: element, billing_details}) | ({elements, params}) | ('card', element, data). */
proto.createPaymentMethod = function (a, b, c) {
  var data = typeof a === 'string' ? merge({ type: a, card: b }, c) : a || {};
  var done = function (r) { return r.error ? { error: r.error } : { paymentMethod: r.paymentMethod || r.body }; };
  if (data.elements) {
    var element = data.elements.getElement('payment') || data.elements.getElement('card');
    if (!element) throw IntegrationError('stripe.createPaymentMethod(): the Elements group has no mounted Element.');
    return element._createPaymentMethod(data.params && data.params.billing_details).then(done);
  }
  if (data.card instanceof Element) return data.card._createPaymentMethod(data.billing_details).then(done);
  if (data.type === 'sepa_debit') {
    return apiRequest(this._key, 'POST', '/v1/payment_methods', { type: 'sepa_debit', sepa_debit: data.sepa_debit, billing_details: data.billing_details }).then(done);
  }
  throw IntegrationError('stripe.createPaymentMethod(): pass a card Element, the Elements group, or sepa_debit details.');
};

proto.createToken = function () {
  return Promise.resolve({ error: { type: 'invalid_request_error', code: 'sandbox_unsupported', message: 'Tokens are not available in the sandbox; use PaymentMethods (createPaymentMethod / confirmSetup).' } });
};
proto.createSource = proto.createToken;
proto.createConfirmationToken = proto.createToken;

proto.paymentRequest = function () {
  var emitter = new Emitter();
  return {
    canMakePayment: function () { return Promise.resolve(null); },
    show: function () {},
    update: function () {},
    on: function (e, h) { emitter.on(e, h); return this; },
    off: function (e, h) { emitter.off(e, h); return this; },
  };
};

proto.registerAppInfo = function () {};
proto._registerWrapper = function () {};

window.Stripe = function Stripe(key, options) {
  return new StripeSandbox(key, options);
};
window.Stripe.version = SANDBOX.version;
window.Stripe.sandbox = { apiUrl: API_URL };
