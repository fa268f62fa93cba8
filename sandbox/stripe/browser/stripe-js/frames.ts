/* Host side of the element iframes. Each iframe is served by the emulator (its origin, not the
   page's); it holds the card fields and talks to the page only through postMessage. */
import { isEnvelope } from '../protocol';
import { API_ORIGIN, API_URL, uid, type Obj } from './util';

export type FrameListener = (type: string, payload: Obj) => void;

const channels: Record<string, FrameChannel> = {};
let frameCounter = 0;

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (event.origin !== API_ORIGIN || !isEnvelope(event.data)) return;
  const channel = channels[event.data.frameId ?? ''];
  if (channel && event.source === channel.iframe.contentWindow) channel.receive(event.data.type, event.data.payload as Obj);
});

/** One element iframe: `send` messages, `request` with a reply, `onMessage` for its events. */
export class FrameChannel {
  readonly id = uid('frame');
  readonly iframe: HTMLIFrameElement;
  private queue: Array<[string, Obj]> = [];
  private loaded = false;
  private pending: Record<string, (result: unknown) => void> = {};
  private listener: FrameListener = () => undefined;

  constructor(kind: string, key: string, title: string) {
    const query = `?frameId=${encodeURIComponent(this.id)}&origin=${encodeURIComponent(window.location.origin)}&key=${encodeURIComponent(key)}`;
    const iframe = document.createElement('iframe');
    frameCounter += 1;
    iframe.name = `__privateStripeFrame${4000 + frameCounter}`;
    iframe.title = title;
    iframe.src = `${API_URL}/elements/${kind}${query}`;
    iframe.setAttribute('frameborder', '0');
    iframe.setAttribute('allowtransparency', 'true');
    iframe.setAttribute('scrolling', 'no');
    iframe.setAttribute('allow', 'payment *');
    iframe.style.cssText =
      'border: none !important; margin: 0 !important; padding: 0 !important; width: 1px !important; min-width: 100% !important; overflow: hidden !important; display: block !important; user-select: none !important; height: 40px;';
    this.iframe = iframe;
    channels[this.id] = this;
  }

  onMessage(listener: FrameListener): void {
    this.listener = listener;
  }

  send(type: string, payload: Obj): void {
    if (!this.loaded) {
      this.queue.push([type, payload]);
      return;
    }
    this.iframe.contentWindow?.postMessage({ __stripeSandbox: true, type, payload }, API_ORIGIN);
  }

  /** Sends and resolves with the frame's answer. */
  request<T>(type: string, payload: Obj = {}): Promise<T> {
    const requestId = uid('req');
    return new Promise<T>((resolve) => {
      this.pending[requestId] = resolve as (result: unknown) => void;
      this.send(type, { ...payload, requestId });
    });
  }

  receive(type: string, payload: Obj): void {
    if (type === 'loaded') {
      this.loaded = true;
      for (const [t, p] of this.queue.splice(0)) this.send(t, p);
      return;
    }
    if (type === 'response') {
      const id = String(payload.requestId);
      const resolve = this.pending[id];
      delete this.pending[id];
      resolve?.(payload.result);
      return;
    }
    if (type === 'resize') this.iframe.style.height = `${String(payload.height)}px`;
    this.listener(type, payload);
  }

  close(): void {
    delete channels[this.id];
    const pending = this.pending;
    this.pending = {};
    for (const resolve of Object.values(pending)) {
      resolve({ error: { type: 'validation_error', code: 'element_unmounted', message: 'The Element was unmounted before the request finished.' } });
    }
    this.iframe.parentNode?.removeChild(this.iframe);
  }
}
