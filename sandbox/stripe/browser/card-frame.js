/* The Card Element's iframe: number, expiry, CVC (and postal code unless hidePostalCode). */
(function () {
  'use strict';
  var F = window.SandboxFrame;
  var root = document.getElementById('root');
  var options = {};
  var touched = {};
  var fields = {};

  function input(name, placeholder, label, className, autocomplete) {
    var el = document.createElement('input');
    el.name = name;
    el.placeholder = placeholder;
    el.setAttribute('aria-label', label);
    el.className = className;
    el.autocomplete = autocomplete;
    el.inputMode = name === 'postal' ? 'text' : 'numeric';
    el.spellcheck = false;
    return el;
  }

  var brandTag = document.createElement('span');
  brandTag.className = 'brand';
  fields.number = input('cardnumber', 'Card number', 'Credit or debit card number', 'number', 'cc-number');
  fields.exp = input('exp-date', 'MM / YY', 'Credit or debit card expiration date', 'exp', 'cc-exp');
  fields.cvc = input('cvc', 'CVC', 'Credit or debit card CVC/CVV', 'cvc', 'cc-csc');
  fields.postal = input('postal', 'ZIP', 'ZIP', 'postal', 'billing postal-code');
  [brandTag, fields.number, fields.exp, fields.cvc, fields.postal].forEach(function (el) { root.appendChild(el); });

  var digits = function () { return fields.number.value.replace(/\D/g, ''); };
  var brand = function () { return F.brandOf(digits()); };
  var showPostal = function () { return !options.hidePostalCode; };

  function fieldErrors(final) {
    var b = brand();
    return {
      number: F.numberError(digits(), final || touched.number),
      exp: F.expiryError(fields.exp.value, final || touched.exp),
      cvc: F.cvcError(fields.cvc.value, b, final || touched.cvc),
      postal: showPostal() && !fields.postal.value.trim() && (final || touched.postal) ? F.err('incomplete_zip', 'Your postal code is incomplete.') : null,
    };
  }

  function firstError(errors) {
    return errors.number || errors.exp || errors.cvc || errors.postal || null;
  }

  function state() {
    var errors = fieldErrors(false);
    var complete = !firstError(fieldErrors(true));
    var empty = !digits() && !fields.exp.value && !fields.cvc.value && !(showPostal() && fields.postal.value);
    var payload = { empty: empty, complete: complete, brand: brand(), value: { postalCode: fields.postal.value } };
    var error = firstError(errors);
    if (error) payload.error = error;
    Object.keys(errors).forEach(function (k) { fields[k].classList.toggle('invalid', !!errors[k]); });
    return payload;
  }

  function emitChange() { F.post('change', state()); }

  fields.number.addEventListener('input', function () {
    var d = digits().slice(0, F.cardLength(F.brandOf(digits())));
    fields.number.value = F.formatNumber(d, F.brandOf(d));
    brandTag.textContent = d ? brand() : '';
    if (d.length === F.cardLength(F.brandOf(d)) && !F.numberError(d, true)) fields.exp.focus();
    emitChange();
  });
  fields.exp.addEventListener('input', function () {
    fields.exp.value = F.formatExpiry(fields.exp.value);
    if (fields.exp.value.length === 7) fields.cvc.focus();
    emitChange();
  });
  fields.cvc.addEventListener('input', function () {
    fields.cvc.value = fields.cvc.value.replace(/\D/g, '').slice(0, F.cvcLength(brand()));
    emitChange();
  });
  fields.postal.addEventListener('input', emitChange);
  Object.keys(fields).forEach(function (k) {
    fields[k].addEventListener('focus', function () { F.post('focus'); });
    fields[k].addEventListener('blur', function () {
      if (fields[k].value) touched[k] = true;
      emitChange();
      setTimeout(function () { if (!root.contains(document.activeElement)) F.post('blur'); });
    });
    fields[k].addEventListener('keydown', function (e) { if (e.key === 'Escape') F.post('escape'); });
  });

  function applyOptions(next) {
    Object.assign(options, next || {});
    fields.postal.hidden = !showPostal();
    var disabled = !!options.disabled;
    Object.keys(fields).forEach(function (k) { fields[k].disabled = disabled; });
    if (options.value && options.value.postalCode !== undefined) fields.postal.value = options.value.postalCode;
  }

  function validate() {
    Object.keys(fields).forEach(function (k) { touched[k] = true; });
    var error = firstError(fieldErrors(true));
    emitChange();
    return error;
  }

  F.on('init', function (config) {
    applyOptions(config.elementOptions);
    F.applyAppearance(config.appearance);
    F.watchHeight();
    F.post('ready');
  });
  F.on('config', function (config) { F.applyAppearance(config.appearance); });
  F.on('update', function (p) { applyOptions(p.options); emitChange(); });
  F.on('focus', function () { fields.number.focus(); });
  F.on('blur', function () { if (document.activeElement) document.activeElement.blur(); });
  F.on('clear', function () {
    Object.keys(fields).forEach(function (k) { fields[k].value = ''; touched[k] = false; });
    brandTag.textContent = '';
    emitChange();
  });
  F.on('collapse', function () {});
  F.on('validate', function (p) {
    var error = validate();
    F.reply(p, error ? { error: error } : {});
  });
  F.on('create-payment-method', function (p) {
    var error = validate();
    if (error) return F.reply(p, { error: error });
    var exp = fields.exp.value.replace(/\D/g, '');
    var billing = Object.assign({}, p.billingDetails || {});
    if (showPostal()) billing.address = Object.assign({}, billing.address || {}, { postal_code: fields.postal.value.trim() });
    F.createPaymentMethod({
      type: 'card',
      card: { number: digits(), exp_month: Number(exp.slice(0, 2)), exp_year: 2000 + Number(exp.slice(2, 4)), cvc: fields.cvc.value },
      billing_details: billing,
    }).then(function (result) { F.reply(p, result); });
  });
  F.post('loaded');
})();
