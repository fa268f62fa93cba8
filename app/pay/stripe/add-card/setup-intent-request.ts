/**
 * The request for a SetupIntent, sent at the click's start by the "Add card" button itself: it
 * waits for no chunk (the form's chunk may still be on its way) and reads no answer; the form's
 * chunk takes it and reads it (setup-intent.ts). The session cookie scopes it; the body is empty.
 */
let sent: Promise<Response | null> | null = null;

export function sendSetupIntentRequest(): void {
  sent ??= fetch('/api/create-setup-intent', { method: 'POST', cache: 'no-store' }).catch(() => null);
}

/** The request sent early, once; null when none is on its way. */
export function takeSetupIntentRequest(): Promise<Response | null> | null {
  const request = sent;
  sent = null;
  return request;
}
