/* Host side of the element iframes. Each iframe is served by the emulator (its origin, not the
   page's); it holds the card fields and talks to the page only through postMessage. */

var channels = {};
var frameCounter = 0;

window.addEventListener('message', function (event) {
  if (event.origin !== API_ORIGIN) return;
  var data = event.data;
  if (!isObject(data) || data.__stripeSandbox !== true) return;
  var channel = channels[data.frameId];
  if (channel && event.source === channel.iframe.contentWindow) channel._receive(data.type, data.payload);
});

/** One element iframe: `send` messages, `request` with a reply, `onMessage` for its events. */
function FrameChannel(kind, key, title) {
  this.id = uid('frame');
  this._queue = [];
  this._loaded = false;
  this._pending = {};
  this._listener = function () {};
  var query = '?frameId=' + encodeURIComponent(this.id) + '&origin=' + encodeURIComponent(window.location.origin) + '&key=' + encodeURIComponent(key);
  var iframe = document.createElement('iframe');
  frameCounter += 1;
  iframe.name = '__privateStripeFrame' + (4000 + frameCounter);
  iframe.title = title;
  iframe.src = API_URL + '/elements/' + kind + query;
  iframe.setAttribute('frameborder', '0');
  iframe.setAttribute('allowtransparency', 'true');
  iframe.setAttribute('scrolling', 'no');
  iframe.setAttribute('allow', 'payment *');
  iframe.style.cssText = 'border: none !important; margin: 0 !important; padding: 0 !important; width: 1px !important; min-width: 100% !important; overflow: hidden !important; display: block !important; user-select: none !important; height: 40px;';
  this.iframe = iframe;
  channels[this.id] = this;
}

FrameChannel.prototype.onMessage = function (listener) {
  this._listener = listener;
};

FrameChannel.prototype.send = function (type, payload) {
  if (!this._loaded) { this._queue.push([type, payload]); return; }
  this.iframe.contentWindow.postMessage({ __stripeSandbox: true, type: type, payload: payload }, API_ORIGIN);
};

/** Sends and resolves with the frame's answer. */
FrameChannel.prototype.request = function (type, payload) {
  var self = this;
  var requestId = uid('req');
  return new Promise(function (resolve) {
    self._pending[requestId] = resolve;
    self.send(type, merge({ requestId: requestId }, payload || {}));
  });
};

FrameChannel.prototype._receive = function (type, payload) {
  if (type === 'loaded') {
    this._loaded = true;
    var queued = this._queue.splice(0);
    for (var i = 0; i < queued.length; i++) this.send(queued[i][0], queued[i][1]);
    return;
  }
  if (type === 'response') {
    var resolve = this._pending[payload.requestId];
    delete this._pending[payload.requestId];
    if (resolve) resolve(payload.result);
    return;
  }
  if (type === 'resize') this.iframe.style.height = payload.height + 'px';
  this._listener(type, payload);
};

FrameChannel.prototype.close = function () {
  delete channels[this.id];
  var pending = this._pending;
  this._pending = {};
  Object.keys(pending).forEach(function (id) {
    pending[id]({ error: { type: 'validation_error', code: 'element_unmounted', message: 'The Element was unmounted before the request finished.' } });
  });
  if (this.iframe.parentNode) this.iframe.parentNode.removeChild(this.iframe);
};
