/* Shared helpers of the sandbox Stripe.js. Everything below runs inside one function scope
   (see static-assets.ts); SANDBOX = { apiUrl, version } is defined before this file. */

var API_URL = SANDBOX.apiUrl;
var API_ORIGIN = new URL(API_URL).origin;

/** Stripe.js throws IntegrationError for programming mistakes (bad arguments, wrong order). */
function IntegrationError(message) {
  var error = new Error(message);
  error.name = 'IntegrationError';
  return error;
}

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function merge(target) {
  for (var i = 1; i < arguments.length; i++) {
    var source = arguments[i];
    if (!isObject(source)) continue;
    Object.keys(source).forEach(function (key) { target[key] = source[key]; });
  }
  return target;
}

var uidCounter = 0;
function uid(prefix) {
  uidCounter += 1;
  return prefix + uidCounter + Math.random().toString(36).slice(2, 8);
}

/** A tiny event emitter with Stripe's on/off/once semantics. */
function Emitter() {
  this._handlers = {};
}
Emitter.prototype.on = function (event, handler) {
  if (typeof handler !== 'function') throw IntegrationError('When adding an event listener, the handler must be a function.');
  (this._handlers[event] = this._handlers[event] || []).push(handler);
};
Emitter.prototype.off = function (event, handler) {
  if (!handler) { delete this._handlers[event]; return; }
  var list = this._handlers[event] || [];
  var i = list.indexOf(handler);
  if (i >= 0) list.splice(i, 1);
};
Emitter.prototype.once = function (event, handler) {
  var self = this;
  var wrapper = function (payload) { self.off(event, wrapper); handler(payload); };
  this.on(event, wrapper);
};
Emitter.prototype.emit = function (event, payload) {
  (this._handlers[event] || []).slice().forEach(function (handler) {
    try { handler(payload); } catch (err) { setTimeout(function () { throw err; }); }
  });
};

/** A DOM node from a selector or a node, as `element.mount()` accepts. */
function resolveMountNode(target) {
  if (typeof target === 'string') {
    var found = document.querySelector(target);
    if (!found) {
      throw IntegrationError('The selector you specified (' + target + ') applies to no DOM elements that are currently on the page.\nMake sure the element exists on the page before calling mount().');
    }
    return found;
  }
  if (target && target.nodeType === 1) return target;
  throw IntegrationError('Invalid DOM element. Make sure to call mount() with a valid DOM element or selector.');
}

/** `seti_123_secret_abc` → { id, kind }. */
function parseClientSecret(clientSecret, method) {
  var m = typeof clientSecret === 'string' ? /^((seti|pi)_[A-Za-z0-9]+)_secret_[A-Za-z0-9]+$/.exec(clientSecret) : null;
  if (!m) {
    throw IntegrationError('Invalid value for ' + method + ': clientSecret should be a client secret of the form ${id}_secret_${secret}. You specified: ' + String(clientSecret) + '.');
  }
  return { id: m[1], kind: m[2] === 'seti' ? 'setup_intent' : 'payment_intent' };
}

/** A promise that never settles: what Stripe.js returns while the page navigates away. */
function navigateAway(url) {
  window.location.assign(url);
  return new Promise(function () {});
}
