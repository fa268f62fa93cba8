import { createSetupIntent } from './api';
import { takeSetupIntentRequest } from './setup-intent-request';

type Made = Awaited<ReturnType<typeof createSetupIntent>>;

/** This page's SetupIntent: begun at the click's start, kept while unused (Cancel, then Add card again). */
let current: Promise<Made> | null = null;

/**
 * The SetupIntent for the form, asked for at most once per page until it is used: at the click's
 * start (pointerdown, Enter, Space, by the button) so it travels alongside Stripe.js, or by the
 * opened form.
 * Never on a hover: a new one counts against the account's hourly card setups. A failure is
 * not kept, so "Try again" asks anew.
 */
export function beginSetupIntent(): Promise<Made> {
  // The button may have sent the request already, before this chunk arrived.
  const made = (current ??= createSetupIntent(takeSetupIntentRequest() ?? undefined));
  void made.then((r) => {
    if (!r.ok && current === made) current = null;
  });
  return made;
}

/** It was used (or Stripe can no longer use it): the next form asks for a new one. */
export function forgetSetupIntent(): void {
  current = null;
}
