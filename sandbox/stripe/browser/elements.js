/* An Elements group (`stripe.elements(options)`): one Element of each type at a time. */

var SUPPORTED_ELEMENTS = ['card', 'payment'];

function Elements(stripe, options) {
  options = options || {};
  if (options.clientSecret !== undefined) parseClientSecret(options.clientSecret, 'stripe.elements()');
  if (options.mode !== undefined && ['payment', 'setup', 'subscription'].indexOf(options.mode) < 0) {
    throw IntegrationError('Invalid value for elements(): mode should be one of the following strings: payment, setup, subscription. You specified: ' + options.mode + '.');
  }
  this._stripe = stripe;
  this._options = merge({}, options);
  this._elements = {};
  this._submitted = false;
  this._typesPromise = null;
}

Elements.prototype.create = function (type, options) {
  if (SUPPORTED_ELEMENTS.indexOf(type) < 0) {
    throw IntegrationError('The sandbox Stripe.js supports the "card" and "payment" Elements; "' + type + '" is not available.');
  }
  if (type === 'payment' && !this._options.clientSecret && !this._options.mode) {
    throw IntegrationError('In order to create a payment element, you must pass a valid PaymentIntent or SetupIntent client secret when creating the Elements group.\n\n  e.g. stripe.elements({clientSecret: "{{CLIENT_SECRET}}"})');
  }
  if (this._elements[type]) throw IntegrationError('Can only create one Element of type ' + type + '.');
  var element = new Element(this, type, options);
  this._elements[type] = element;
  return element;
};

/** A type string, or a react-stripe-js component (which carries `__elementType`). */
Elements.prototype.getElement = function (typeOrComponent) {
  var type = typeof typeOrComponent === 'string' ? typeOrComponent : typeOrComponent && typeOrComponent.__elementType;
  return this._elements[type] || null;
};

Elements.prototype._remove = function (element) {
  if (this._elements[element._type] === element) delete this._elements[element._type];
};

Elements.prototype.update = function (options) {
  options = options || {};
  if (options.clientSecret !== undefined && options.clientSecret !== this._options.clientSecret) {
    console.warn('Unsupported prop change: options.clientSecret is not a mutable property.');
    options = merge({}, options);
    delete options.clientSecret;
  }
  merge(this._options, options);
  this._typesPromise = null;
  this._pushConfig();
};

Elements.prototype.fetchUpdates = function () {
  this._typesPromise = null;
  this._pushConfig();
  return this._paymentMethodTypes().then(function () { return {}; });
};

Elements.prototype._pushConfig = function () {
  var self = this;
  Object.keys(this._elements).forEach(function (type) {
    var element = self._elements[type];
    if (!element._channel) return;
    self._configFor(element).then(function (config) {
      if (element._channel) element._channel.send('config', config);
    });
  });
};

/** Payment method types: the intent's (client secret) or the deferred options'. */
Elements.prototype._paymentMethodTypes = function () {
  var self = this;
  var options = this._options;
  if (!this._typesPromise) {
    this._typesPromise = options.clientSecret
      ? retrieveIntent(this._stripe._key, options.clientSecret, 'stripe.elements()').then(function (result) {
          if (result.error) self._loadError = result.error;
          return result.body ? result.body.payment_method_types : ['card'];
        })
      : Promise.resolve(options.paymentMethodTypes || ['card']);
  }
  return this._typesPromise;
};

/** What an Element's iframe needs to render. */
Elements.prototype._configFor = function (element) {
  var options = this._options;
  var self = this;
  return this._paymentMethodTypes().then(function (types) {
    // Stripe emits `loaderror` when the Payment Element cannot load its intent.
    if (self._loadError && element._type === 'payment') element._emitter.emit('loaderror', { elementType: 'payment', error: self._loadError });
    return {
      elementOptions: element._options,
      appearance: options.appearance || null,
      locale: options.locale || 'auto',
      paymentMethodTypes: element._type === 'card' ? ['card'] : types,
      mode: options.mode || (options.clientSecret && /^seti_/.test(options.clientSecret) ? 'setup' : 'payment'),
      currency: options.currency || null,
      amount: options.amount === undefined ? null : options.amount,
    };
  });
};

/** Validates the Payment Element (required before confirming in deferred-intent mode). */
Elements.prototype.submit = function () {
  var self = this;
  var element = this._elements.payment || this._elements.card;
  if (!element) return Promise.reject(IntegrationError('elements.submit(): there is no mounted Payment Element in this Elements group.'));
  return element._validate().then(function (result) {
    if (result && result.error) return { error: result.error };
    self._submitted = true;
    return { selectedPaymentMethod: (element._state.value && element._state.value.type) || 'card' };
  });
};
