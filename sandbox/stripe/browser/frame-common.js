/* Inside an element iframe (the emulator's origin). Talks to the page that created it by
   postMessage, validates what the customer types, and creates the PaymentMethod itself. */
(function () {
  'use strict';
  var query = new URLSearchParams(window.location.search);
  var FRAME_ID = query.get('frameId');
  var PARENT_ORIGIN = query.get('origin');
  var KEY = query.get('key');
  var handlers = {};

  function post(type, payload) {
    window.parent.postMessage({ __stripeSandbox: true, frameId: FRAME_ID, type: type, payload: payload || {} }, PARENT_ORIGIN);
  }

  window.addEventListener('message', function (event) {
    if (event.source !== window.parent || event.origin !== PARENT_ORIGIN) return;
    var data = event.data;
    if (!data || data.__stripeSandbox !== true || !handlers[data.type]) return;
    handlers[data.type](data.payload || {});
  });

  function on(type, handler) { handlers[type] = handler; }
  function reply(payload, result) { post('response', { requestId: payload.requestId, result: result }); }

  function luhn(digits) {
    var sum = 0;
    for (var i = 0; i < digits.length; i++) {
      var d = Number(digits.charAt(digits.length - 1 - i));
      if (i % 2 === 1) { d *= 2; if (d > 9) d -= 9; }
      sum += d;
    }
    return digits.length >= 12 && sum % 10 === 0;
  }

  function brandOf(digits) {
    if (/^4/.test(digits)) return 'visa';
    if (/^(5[1-5]|2(2[2-9][1-9]|2[3-9]\d|[3-6]\d\d|7[01]\d|720))/.test(digits)) return 'mastercard';
    if (/^3[47]/.test(digits)) return 'amex';
    if (/^(6011|65|64[4-9])/.test(digits)) return 'discover';
    if (/^3(0[0-5]|[68])/.test(digits)) return 'diners';
    if (/^35/.test(digits)) return 'jcb';
    if (/^62/.test(digits)) return 'unionpay';
    return 'unknown';
  }

  var cardLength = function (brand) { return brand === 'amex' ? 15 : brand === 'diners' ? 14 : 16; };
  var cvcLength = function (brand) { return brand === 'amex' ? 4 : 3; };

  function formatNumber(digits, brand) {
    var groups = brand === 'amex' ? [4, 6, 5] : [4, 4, 4, 4, 3];
    var out = [];
    var at = 0;
    for (var i = 0; i < groups.length && at < digits.length; i++) { out.push(digits.slice(at, at + groups[i])); at += groups[i]; }
    return out.join(' ');
  }

  function formatExpiry(raw) {
    var d = raw.replace(/\D/g, '').slice(0, 4);
    if (d.length === 1 && Number(d) > 1) d = '0' + d;
    return d.length > 2 ? d.slice(0, 2) + ' / ' + d.slice(2) : d;
  }

  var err = function (code, message) { return { type: 'validation_error', code: code, message: message }; };

  /** Stripe's messages for the card fields; `final` also reports incomplete fields. */
  function numberError(digits, final) {
    if (!digits) return final ? err('incomplete_number', 'Your card number is incomplete.') : null;
    if (digits.length < cardLength(brandOf(digits))) return final ? err('incomplete_number', 'Your card number is incomplete.') : null;
    return luhn(digits) ? null : err('invalid_number', 'Your card number is invalid.');
  }

  function expiryError(value, final) {
    var d = value.replace(/\D/g, '');
    if (d.length < 4) return final ? err('incomplete_expiry', "Your card's expiration date is incomplete.") : null;
    var month = Number(d.slice(0, 2));
    var year = 2000 + Number(d.slice(2, 4));
    var now = new Date();
    if (month < 1 || month > 12) return err('invalid_expiry_month', "Your card's expiration date is invalid.");
    if (year < now.getFullYear()) return err('invalid_expiry_year_past', "Your card's expiration year is in the past.");
    if (year === now.getFullYear() && month < now.getMonth() + 1) return err('invalid_expiry_month_past', "Your card's expiration date is in the past.");
    if (year > now.getFullYear() + 50) return err('invalid_expiry_year', "Your card's expiration year is invalid.");
    return null;
  }

  function cvcError(cvc, brand, final) {
    if (cvc.length < cvcLength(brand)) return final ? err('incomplete_cvc', "Your card's security code is incomplete.") : null;
    return null;
  }

  function ibanValid(iban) {
    if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return false;
    var rearranged = iban.slice(4) + iban.slice(0, 4);
    var rest = 0;
    for (var i = 0; i < rearranged.length; i++) {
      var ch = rearranged.charAt(i);
      var value = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
      for (var j = 0; j < value.length; j++) rest = (rest * 10 + Number(value.charAt(j))) % 97;
    }
    return rest === 1;
  }

  function encodeForm(data, prefix, pairs) {
    pairs = pairs || [];
    Object.keys(data).forEach(function (key) {
      var value = data[key];
      var name = prefix ? prefix + '[' + key + ']' : key;
      if (value === undefined || value === null) return;
      if (typeof value === 'object') encodeForm(value, name, pairs);
      else pairs.push(encodeURIComponent(name) + '=' + encodeURIComponent(String(value)));
    });
    return pairs.join('&');
  }

  /** POST /v1/payment_methods with the publishable key (same origin as this frame). */
  function createPaymentMethod(params) {
    var body = encodeForm(Object.assign({ key: KEY }, params));
    return fetch('/v1/payment_methods', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: body })
      .then(function (res) { return res.json(); })
      .then(function (json) { return json.error ? { error: json.error } : { paymentMethod: json }; })
      .catch(function () { return { error: { type: 'api_connection_error', message: 'An error occurred with our connection to Stripe.' } }; });
  }

  function applyAppearance(appearance) {
    var vars = (appearance && appearance.variables) || {};
    Object.keys(vars).forEach(function (k) { document.documentElement.style.setProperty('--' + k, String(vars[k])); });
  }

  function watchHeight() {
    var last = 0;
    var report = function () {
      var h = Math.ceil(document.documentElement.getBoundingClientRect().height);
      if (h !== last) { last = h; post('resize', { height: h }); }
    };
    new ResizeObserver(report).observe(document.body);
    report();
  }

  window.SandboxFrame = {
    post: post, on: on, reply: reply, brandOf: brandOf, cardLength: cardLength, cvcLength: cvcLength,
    formatNumber: formatNumber, formatExpiry: formatExpiry, numberError: numberError, expiryError: expiryError,
    cvcError: cvcError, ibanValid: ibanValid, err: err, createPaymentMethod: createPaymentMethod,
    applyAppearance: applyAppearance, watchHeight: watchHeight,
  };
  // The element script says 'loaded' once its handlers are registered.
})();
