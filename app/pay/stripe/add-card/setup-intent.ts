import { createSetupIntent } from './api';

type Made = Awaited<ReturnType<typeof createSetupIntent>>;

/** This page's SetupIntent: made on the first Save, kept while it can still take a card. */
let current: Promise<Made> | null = null;

/**
 * The SetupIntent a Save confirms, asked for at most once per page until it is used: on the
 * first Save (after `elements.submit()`), then kept for a second Save after a declined card or
 * a failed 3-D Secure, and for the next form after Cancel. Never made by opening the form: a new
 * one counts against the account's hourly card setups. A failure is not kept, so the next Save
 * asks anew.
 */
export function takeSetupIntent(): Promise<Made> {
  const made = (current ??= createSetupIntent());
  void made.then((r) => {
    if (!r.ok && current === made) current = null;
  });
  return made;
}

/** It was used, or Stripe can no longer take a card into it: the next Save asks the server again. */
export function forgetSetupIntent(): void {
  current = null;
}
