/* The sandbox Stripe.js talks to the emulator's /v1 API with the publishable key, as Stripe.js
   does: form-encoded, `key` in the parameters (a CORS "simple request", no preflight). */

function encodeForm(data, prefix, pairs) {
  pairs = pairs || [];
  Object.keys(data).forEach(function (key) {
    var value = data[key];
    var name = prefix ? prefix + '[' + key + ']' : key;
    if (value === undefined) return;
    if (value === null) pairs.push(encodeURIComponent(name) + '=');
    else if (Array.isArray(value)) value.forEach(function (v, i) {
      if (isObject(v)) encodeForm(v, name + '[' + i + ']', pairs);
      else pairs.push(encodeURIComponent(name + '[' + i + ']') + '=' + encodeURIComponent(String(v)));
    });
    else if (isObject(value)) encodeForm(value, name, pairs);
    else pairs.push(encodeURIComponent(name) + '=' + encodeURIComponent(String(value)));
  });
  return pairs.join('&');
}

/** Resolves { body } or { error } (Stripe's error object); never rejects. */
function apiRequest(key, method, path, params) {
  var query = encodeForm(merge({ key: key }, params || {}));
  var url = API_URL + path + (method === 'GET' ? '?' + query : '');
  var init = { method: method, credentials: 'omit', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } };
  if (method !== 'GET') init.body = query;
  return fetch(url, init).then(
    function (res) {
      return res.json().then(function (body) {
        return body && body.error ? { error: body.error } : { body: body };
      });
    },
    function () {
      return { error: { type: 'api_connection_error', message: 'An error occurred with our connection to Stripe.' } };
    }
  );
}

function intentPath(parsed) {
  return '/v1/' + (parsed.kind === 'setup_intent' ? 'setup_intents' : 'payment_intents') + '/' + parsed.id;
}

function retrieveIntent(key, clientSecret, method) {
  var parsed = parseClientSecret(clientSecret, method);
  return apiRequest(key, 'GET', intentPath(parsed), { client_secret: clientSecret });
}

function confirmIntentRequest(key, clientSecret, method, params) {
  var parsed = parseClientSecret(clientSecret, method);
  return apiRequest(key, 'POST', intentPath(parsed) + '/confirm', merge({ client_secret: clientSecret, use_stripe_sdk: 'true' }, params));
}

/** `{setupIntent}` / `{paymentIntent}` key for a result. */
function resultKey(kind) {
  return kind === 'setup_intent' ? 'setupIntent' : 'paymentIntent';
}
