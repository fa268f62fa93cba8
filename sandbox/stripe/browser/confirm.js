/* Confirming intents as Stripe.js does: create the PaymentMethod (in the iframe), confirm with
   the publishable key and client secret, run 3-D Secure, then resolve or redirect. */

var AUTHENTICATION_FAILED = 'We are unable to authenticate your payment method. Please choose a different payment method and try again.';

/** `{error}` for an intent that ended back in `requires_payment_method` (e.g. failed 3-D Secure). */
function errorFromIntent(kind, intent) {
  var last = (kind === 'setup_intent' ? intent.last_setup_error : intent.last_payment_error) || {};
  var error = merge({}, last);
  if (/_authentication_failure$/.test(error.code || '')) error.message = AUTHENTICATION_FAILED;
  error.type = error.type || 'invalid_request_error';
  error[kind] = intent;
  return { error: error };
}

function successUrl(returnUrl, kind, intent) {
  var url = new URL(returnUrl, window.location.href);
  url.searchParams.set(kind, intent.id);
  url.searchParams.set(kind + '_client_secret', intent.client_secret);
  url.searchParams.set('redirect_status', intent.status === 'processing' ? 'processing' : 'succeeded');
  return url.toString();
}

/**
 * After a confirm call: handle `requires_action`, then resolve `{setupIntent|paymentIntent}`
 * or `{error}`; with `redirect: 'always'` navigate to the return_url on success.
 */
function settleIntent(stripe, kind, clientSecret, intent, opts) {
  var needsAction = intent.status === 'requires_action' && opts.handleActions !== false;
  var afterAction = needsAction
    ? performNextAction(intent).then(function () { return retrieveIntent(stripe._key, clientSecret, opts.method); })
    : Promise.resolve({ body: intent });
  return afterAction.then(function (result) {
    if (result.error) return { error: result.error };
    var current = result.body;
    if (needsAction && current.status === 'requires_payment_method') return errorFromIntent(kind, current);
    var ok = current.status === 'succeeded' || current.status === 'processing' || current.status === 'requires_capture';
    if (ok && opts.redirect === 'always' && opts.returnUrl) return navigateAway(successUrl(opts.returnUrl, kind, current));
    var out = {};
    out[resultKey(kind)] = current;
    return out;
  });
}

function confirmWith(stripe, kind, clientSecret, params, opts) {
  return confirmIntentRequest(stripe._key, clientSecret, opts.method, params).then(function (result) {
    if (result.error) return { error: result.error };
    return settleIntent(stripe, kind, clientSecret, result.body, opts);
  });
}

function assertKind(clientSecret, kind, method) {
  var parsed = parseClientSecret(clientSecret, method);
  if (parsed.kind !== kind) {
    throw IntegrationError(method + ': expected a ' + (kind === 'setup_intent' ? 'SetupIntent' : 'PaymentIntent') + ' client secret, got ' + parsed.id + '.');
  }
}

/** Parameters for a PaymentMethod made from an Element: its id, plus SEPA's mandate acceptance. */
function paymentMethodParams(pm) {
  var params = { payment_method: pm.id };
  if (pm.type === 'sepa_debit') {
    params.mandate_data = { customer_acceptance: { type: 'online', online: { infer_from_client: 'true' } } };
  }
  return params;
}

/** `stripe.confirmSetup` / `stripe.confirmPayment` with the Payment Element. */
function confirmWithElements(stripe, kind, options, method) {
  options = options || {};
  var elements = options.elements;
  var confirmParams = options.confirmParams || {};
  var redirect = options.redirect || 'always';
  var clientSecret = options.clientSecret || (elements && elements._options.clientSecret);
  if (!clientSecret) throw IntegrationError(method + '(): the `clientSecret` argument is required when the Elements group was created without one.');
  assertKind(clientSecret, kind, method);
  if (redirect !== 'if_required' && !confirmParams.return_url) {
    throw IntegrationError(method + "(): the `confirmParams.return_url` argument is required unless passing `redirect: 'if_required'`");
  }
  var opts = { method: method, redirect: redirect, returnUrl: confirmParams.return_url };
  var base = {};
  if (confirmParams.return_url) base.return_url = confirmParams.return_url;
  if (kind === 'payment_intent' && confirmParams.setup_future_usage) base.setup_future_usage = confirmParams.setup_future_usage;
  if (!elements) {
    if (typeof confirmParams.payment_method !== 'string') throw IntegrationError(method + '(): pass `elements` or `confirmParams.payment_method`.');
    return confirmWith(stripe, kind, clientSecret, merge(base, { payment_method: confirmParams.payment_method }), opts);
  }
  if (!elements._options.clientSecret && !elements._submitted) {
    return Promise.reject(IntegrationError('elements.submit() must be called before ' + method + '(). Call elements.submit() as soon as your customer presses pay, prior to any asynchronous work.'));
  }
  var element = elements.getElement('payment') || elements.getElement('card');
  if (!element) return Promise.reject(IntegrationError(method + '(): the Elements group has no mounted Payment Element.'));
  var billing = confirmParams.payment_method_data && confirmParams.payment_method_data.billing_details;
  return element._createPaymentMethod(billing).then(function (result) {
    if (result.error) return { error: result.error };
    return confirmWith(stripe, kind, clientSecret, merge(base, paymentMethodParams(result.paymentMethod)), opts);
  });
}

/** `payment_method` of confirmCard*: an id, `{card: element, billing_details}`, or absent. */
function cardPaymentMethod(data) {
  var pm = data && data.payment_method;
  if (pm === undefined) return Promise.resolve({ params: {} });
  if (typeof pm === 'string') return Promise.resolve({ params: { payment_method: pm } });
  if (isObject(pm) && pm.card instanceof Element) {
    return pm.card._createPaymentMethod(pm.billing_details).then(function (result) {
      return result.error ? { error: result.error } : { params: paymentMethodParams(result.paymentMethod) };
    });
  }
  throw IntegrationError('Invalid value for payment_method: pass a PaymentMethod id or {card: cardElement}.');
}

function confirmCard(stripe, kind, clientSecret, data, options, method) {
  assertKind(clientSecret, kind, method);
  var extra = {};
  if (data && data.return_url) extra.return_url = data.return_url;
  if (kind === 'payment_intent' && data && data.setup_future_usage) extra.setup_future_usage = data.setup_future_usage;
  var opts = { method: method, redirect: 'never', handleActions: !options || options.handleActions !== false };
  return cardPaymentMethod(data).then(function (pm) {
    if (pm.error) return { error: pm.error };
    return confirmWith(stripe, kind, clientSecret, merge(extra, pm.params), opts);
  });
}

/** `handleNextAction` / `handleCardAction`: only for an intent in `requires_action`. */
function handleNextActionFor(stripe, clientSecret, method) {
  var kind = parseClientSecret(clientSecret, method).kind;
  return retrieveIntent(stripe._key, clientSecret, method).then(function (result) {
    if (result.error) return { error: result.error };
    var intent = result.body;
    if (intent.status !== 'requires_action') {
      var error = { type: 'invalid_request_error', code: kind + '_unexpected_state', message: method + ': the ' + (kind === 'setup_intent' ? 'SetupIntent' : 'PaymentIntent') + ' is in status ' + intent.status + ', not requires_action.' };
      error[kind] = intent;
      return { error: error };
    }
    return settleIntent(stripe, kind, clientSecret, intent, { method: method, redirect: 'never' });
  });
}
