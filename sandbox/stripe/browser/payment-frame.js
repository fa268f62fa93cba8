/* The Payment Element's iframe: a Card tab and, when the intent allows it, SEPA Direct Debit
   (IBAN, name, email and the mandate text). Errors show under the fields, as Stripe's do. */
(function () {
  'use strict';
  var F = window.SandboxFrame;
  var root = document.getElementById('root');
  var COUNTRIES = [['AT', 'Austria'], ['BE', 'Belgium'], ['DK', 'Denmark'], ['FI', 'Finland'], ['FR', 'France'], ['DE', 'Germany'], ['IE', 'Ireland'], ['IT', 'Italy'], ['NL', 'Netherlands'], ['NO', 'Norway'], ['PL', 'Poland'], ['ES', 'Spain'], ['SE', 'Sweden'], ['CH', 'Switzerland'], ['GB', 'United Kingdom'], ['US', 'United States']];
  var config = { paymentMethodTypes: ['card'], elementOptions: {} };
  var selected = 'card';
  var touched = {};
  var f = {};

  function field(key, label, placeholder, attrs) {
    var wrap = document.createElement('div');
    wrap.className = 'field';
    var id = 'f-' + key;
    var lab = document.createElement('label');
    lab.htmlFor = id;
    lab.textContent = label;
    var el = document.createElement(attrs && attrs.select ? 'select' : 'input');
    el.id = id;
    el.name = key;
    if (placeholder) el.placeholder = placeholder;
    Object.keys(attrs || {}).forEach(function (k) { if (k !== 'select') el.setAttribute(k, attrs[k]); });
    var error = document.createElement('div');
    error.className = 'error';
    error.setAttribute('role', 'alert');
    wrap.appendChild(lab);
    wrap.appendChild(el);
    wrap.appendChild(error);
    f[key] = { wrap: wrap, input: el, error: error };
    return wrap;
  }

  function row(children) {
    var r = document.createElement('div');
    r.className = 'row';
    children.forEach(function (c) { r.appendChild(c); });
    return r;
  }

  var tabs = document.createElement('div');
  tabs.className = 'tabs';
  tabs.setAttribute('role', 'tablist');
  var cardPanel = document.createElement('div');
  var sepaPanel = document.createElement('div');
  cardPanel.appendChild(field('number', 'Card number', '1234 1234 1234 1234', { autocomplete: 'cc-number', inputmode: 'numeric' }));
  cardPanel.appendChild(row([field('expiry', 'Expiration date', 'MM / YY', { autocomplete: 'cc-exp', inputmode: 'numeric' }), field('cvc', 'Security code', 'CVC', { autocomplete: 'cc-csc', inputmode: 'numeric' })]));
  cardPanel.appendChild(row([field('country', 'Country', '', { select: true, autocomplete: 'billing country' }), field('postal', 'ZIP code', '12345', { autocomplete: 'billing postal-code' })]));
  COUNTRIES.forEach(function (c) { var o = document.createElement('option'); o.value = c[0]; o.textContent = c[1]; f.country.input.appendChild(o); });
  f.country.input.value = 'DK';
  sepaPanel.appendChild(field('name', 'Full name', 'First and last name', { autocomplete: 'name' }));
  sepaPanel.appendChild(field('email', 'Email', '', { autocomplete: 'email', type: 'email' }));
  sepaPanel.appendChild(field('iban', 'IBAN', 'DE00 0000 0000 0000 0000 00', { autocomplete: 'off' }));
  var mandate = document.createElement('p');
  mandate.className = 'mandate';
  sepaPanel.appendChild(mandate);
  [tabs, cardPanel, sepaPanel].forEach(function (el) { root.appendChild(el); });

  var val = function (k) { return f[k].input.value.trim(); };
  var digits = function () { return val('number').replace(/\D/g, ''); };
  var iban = function () { return val('iban').replace(/\s+/g, '').toUpperCase(); };
  var needsPostal = function () { return f.country.input.value === 'US'; };
  var billingField = function (name) { var b = (config.elementOptions.fields || {}).billingDetails; return b === 'never' || (b && b[name] === 'never') ? 'never' : 'auto'; };

  function errorsFor(final) {
    var e = {};
    var t = function (k) { return final || touched[k]; };
    if (selected === 'card') {
      e.number = F.numberError(digits(), t('number'));
      e.expiry = F.expiryError(val('expiry'), t('expiry'));
      e.cvc = F.cvcError(val('cvc'), F.brandOf(digits()), t('cvc'));
      if (needsPostal() && !val('postal') && t('postal')) e.postal = F.err('incomplete_zip', 'Your ZIP is incomplete.');
    } else {
      if (billingField('name') !== 'never' && !val('name') && t('name')) e.name = F.err('incomplete_name', 'Your full name is incomplete.');
      if (billingField('email') !== 'never' && t('email')) {
        if (!val('email')) e.email = F.err('incomplete_email', 'Your email address is incomplete.');
        else if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(val('email'))) e.email = F.err('invalid_email', 'Your email address is invalid.');
      }
      if (!iban() && t('iban')) e.iban = F.err('incomplete_iban', 'Your IBAN is incomplete.');
      else if (iban() && (t('iban') || iban().length >= 15) && !F.ibanValid(iban())) e.iban = F.err('invalid_iban', 'Your IBAN is invalid.');
    }
    return e;
  }

  function render(final) {
    var errors = errorsFor(final);
    Object.keys(f).forEach(function (k) {
      var error = errors[k];
      f[k].error.textContent = error ? error.message : '';
      f[k].wrap.classList.toggle('invalid', !!error);
    });
    var first = Object.keys(errors).map(function (k) { return errors[k]; }).filter(Boolean)[0] || null;
    var complete = !Object.keys(errorsFor(true)).some(function (k) { return errorsFor(true)[k]; });
    var empty = selected === 'card' ? !digits() && !val('expiry') && !val('cvc') : !iban() && !val('name') && !val('email');
    F.post('change', { empty: empty, complete: complete, collapsed: false, value: { type: selected } });
    return first;
  }

  function select(type) {
    selected = type;
    cardPanel.hidden = type !== 'card';
    sepaPanel.hidden = type !== 'sepa_debit';
    Array.prototype.forEach.call(tabs.children, function (b) { b.setAttribute('aria-selected', String(b.dataset.type === type)); });
    f.postal.wrap.hidden = !needsPostal();
    render(false);
  }

  function renderTabs() {
    tabs.innerHTML = '';
    var types = config.paymentMethodTypes.filter(function (t) { return t === 'card' || t === 'sepa_debit'; });
    if (types.length === 0) types = ['card'];
    types.forEach(function (t) {
      var b = document.createElement('button');
      b.type = 'button';
      b.setAttribute('role', 'tab');
      b.className = 'tab';
      b.dataset.type = t;
      b.textContent = t === 'card' ? 'Card' : 'SEPA Direct Debit';
      b.addEventListener('click', function () { select(t); });
      tabs.appendChild(b);
    });
    tabs.hidden = types.length < 2;
    var business = (config.elementOptions.business && config.elementOptions.business.name) || 'Sandbox Merchant';
    mandate.textContent = 'By providing your payment information and confirming this payment, you authorise (A) ' + business + ' and Stripe, our payment service provider, to send instructions to your bank to debit your account and (B) your bank to debit your account in accordance with those instructions. As part of your rights, you are entitled to a refund from your bank under the terms and conditions of your agreement with your bank. A refund must be claimed within 8 weeks starting from the date on which your account was debited. Your rights are explained in a statement that you can obtain from your bank. You agree to receive notifications for future debits up to 2 days before they occur.';
    f.name.wrap.hidden = billingField('name') === 'never';
    f.email.wrap.hidden = billingField('email') === 'never';
    select(types.indexOf(selected) >= 0 ? selected : types[0]);
  }

  function applyConfig(next) {
    Object.assign(config, next);
    var defaults = (config.elementOptions.defaultValues || {}).billingDetails || {};
    if (defaults.name && !val('name')) f.name.input.value = defaults.name;
    if (defaults.email && !val('email')) f.email.input.value = defaults.email;
    if (defaults.address && defaults.address.country) f.country.input.value = defaults.address.country;
    F.applyAppearance(config.appearance);
    renderTabs();
  }

  f.number.input.addEventListener('input', function () {
    var d = digits().slice(0, F.cardLength(F.brandOf(digits())));
    f.number.input.value = F.formatNumber(d, F.brandOf(d));
    render(false);
  });
  f.expiry.input.addEventListener('input', function () { f.expiry.input.value = F.formatExpiry(f.expiry.input.value); render(false); });
  f.cvc.input.addEventListener('input', function () { f.cvc.input.value = val('cvc').replace(/\D/g, '').slice(0, F.cvcLength(F.brandOf(digits()))); render(false); });
  f.iban.input.addEventListener('input', function () { f.iban.input.value = iban().replace(/(.{4})(?=.)/g, '$1 '); render(false); });
  f.country.input.addEventListener('change', function () { f.postal.wrap.hidden = !needsPostal(); render(false); });
  ['name', 'email', 'postal'].forEach(function (k) { f[k].input.addEventListener('input', function () { render(false); }); });
  Object.keys(f).forEach(function (k) {
    f[k].input.addEventListener('focus', function () { F.post('focus'); });
    f[k].input.addEventListener('blur', function () { if (val(k)) touched[k] = true; render(false); F.post('blur'); });
  });

  function validate() {
    Object.keys(f).forEach(function (k) { touched[k] = true; });
    return render(true);
  }

  F.on('init', function (c) { applyConfig(c); F.watchHeight(); F.post('ready', { value: { type: selected } }); });
  F.on('config', applyConfig);
  F.on('update', function (p) { config.elementOptions = Object.assign({}, config.elementOptions, p.options); renderTabs(); });
  F.on('focus', function () { (selected === 'card' ? f.number : f.name).input.focus(); });
  F.on('blur', function () { if (document.activeElement) document.activeElement.blur(); });
  F.on('clear', function () { Object.keys(f).forEach(function (k) { if (k !== 'country') f[k].input.value = ''; touched[k] = false; }); render(false); });
  F.on('collapse', function () {});
  F.on('validate', function (p) { var error = validate(); F.reply(p, error ? { error: error } : {}); });
  F.on('create-payment-method', function (p) {
    var error = validate();
    if (error) return F.reply(p, { error: error });
    var given = p.billingDetails || {};
    var params;
    if (selected === 'card') {
      var exp = val('expiry').replace(/\D/g, '');
      var address = Object.assign({ country: f.country.input.value }, needsPostal() ? { postal_code: val('postal') } : {}, given.address || {});
      params = {
        type: 'card',
        card: { number: digits(), exp_month: Number(exp.slice(0, 2)), exp_year: 2000 + Number(exp.slice(2, 4)), cvc: val('cvc') },
        billing_details: Object.assign({}, given, { address: address }),
      };
    } else {
      params = {
        type: 'sepa_debit',
        sepa_debit: { iban: iban() },
        billing_details: Object.assign({ name: val('name') || undefined, email: val('email') || undefined }, given),
      };
    }
    F.createPaymentMethod(params).then(function (result) { F.reply(p, result); });
  });
  F.post('loaded');
})();
