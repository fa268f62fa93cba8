/* An Element ('card' or 'payment'): mount/unmount/destroy, events, and requests to its iframe. */

var ELEMENT_TITLES = { card: 'Secure card payment input frame', payment: 'Secure payment input frame' };

function Element(group, type, options) {
  this._group = group;
  this._type = type;
  this._options = merge({}, options);
  this._emitter = new Emitter();
  this._channel = null;
  this._node = null;
  this._wrapper = null;
  this._destroyed = false;
  this._state = { empty: true, complete: false, value: { type: 'card' } };
}

Element.prototype._assertAlive = function () {
  if (this._destroyed) throw IntegrationError('This Element has already been destroyed. Please create a new one.');
};

Element.prototype.mount = function (target) {
  this._assertAlive();
  if (this._channel) throw IntegrationError('This Element is already mounted. Use `unmount()` to unmount the Element before re-mounting.');
  var node = resolveMountNode(target);
  if (node.tagName === 'INPUT') throw IntegrationError('Elements cannot be mounted in a HTMLInputElement. You can mount it in a div instead.');
  var self = this;
  var channel = new FrameChannel(this._type, this._group._stripe._key, ELEMENT_TITLES[this._type]);
  this._channel = channel;
  channel.onMessage(function (type, payload) { self._onFrameMessage(type, payload); });
  var wrapper = document.createElement('div');
  wrapper.className = '__PrivateStripeElement';
  wrapper.style.cssText = 'margin: 0 !important; padding: 0 !important; border: none !important; display: block !important; background: transparent !important; position: relative !important; opacity: 1 !important;';
  wrapper.appendChild(channel.iframe);
  node.appendChild(wrapper);
  node.classList.add('StripeElement', 'StripeElement--empty');
  this._node = node;
  this._wrapper = wrapper;
  if (this._type === 'payment') this._emitter.emit('loaderstart', { elementType: this._type });
  this._group._configFor(this).then(function (config) {
    if (self._channel === channel) channel.send('init', config);
  });
};

Element.prototype._onFrameMessage = function (type, payload) {
  var node = this._node;
  if (type === 'change') {
    this._state = payload;
    if (node) {
      node.classList.toggle('StripeElement--empty', !!payload.empty);
      node.classList.toggle('StripeElement--complete', !!payload.complete);
      node.classList.toggle('StripeElement--invalid', !!payload.error);
    }
  }
  if (node && type === 'focus') node.classList.add('StripeElement--focus');
  if (node && type === 'blur') node.classList.remove('StripeElement--focus');
  if (type === 'ready' || type === 'change' || type === 'focus' || type === 'blur' || type === 'escape') {
    this._emitter.emit(type, merge({ elementType: this._type }, payload));
  }
};

Element.prototype.unmount = function () {
  this._assertAlive();
  if (!this._channel) return;
  this._channel.close();
  this._channel = null;
  if (this._wrapper && this._wrapper.parentNode) this._wrapper.parentNode.removeChild(this._wrapper);
  if (this._node) this._node.classList.remove('StripeElement', 'StripeElement--empty', 'StripeElement--complete', 'StripeElement--invalid', 'StripeElement--focus');
  this._node = null;
  this._wrapper = null;
};

Element.prototype.destroy = function () {
  if (this._destroyed) return;
  if (this._channel) this.unmount();
  this._destroyed = true;
  this._group._remove(this);
};

Element.prototype.on = function (event, handler) { this._emitter.on(event, handler); return this; };
Element.prototype.addEventListener = Element.prototype.on;
Element.prototype.off = function (event, handler) { this._emitter.off(event, handler); return this; };
Element.prototype.removeEventListener = Element.prototype.off;
Element.prototype.once = function (event, handler) { this._emitter.once(event, handler); return this; };

Element.prototype.update = function (options) {
  this._assertAlive();
  merge(this._options, options);
  if (this._channel) this._channel.send('update', { options: options });
};

['focus', 'blur', 'clear', 'collapse'].forEach(function (name) {
  Element.prototype[name] = function () {
    this._assertAlive();
    if (this._channel) this._channel.send(name, {});
  };
});

function unmountedError() {
  return { error: { type: 'validation_error', code: 'element_not_mounted', message: 'The Element is not mounted. Mount it before confirming.' } };
}

/** Validates the fields inside the iframe: `{}` or `{error: {type: 'validation_error', ...}}`. */
Element.prototype._validate = function () {
  if (!this._channel) return Promise.resolve(unmountedError());
  return this._channel.request('validate');
};

/** The iframe creates the PaymentMethod itself, so the card number never reaches this page. */
Element.prototype._createPaymentMethod = function (billingDetails) {
  if (!this._channel) return Promise.resolve(unmountedError());
  return this._channel.request('create-payment-method', { billingDetails: billingDetails || null });
};
