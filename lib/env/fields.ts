import { z } from 'zod';

/** The parsers configuration values share (lib/env/schema.ts, lib/env/merchant-settings.ts). */

/** Unset and empty both mean "not configured". */
export const optional = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

export const url = z.url({ protocol: /^https?$/ });

/** Env booleans are parsed explicitly: `z.coerce.boolean()` would turn "false" into true. */
export const flag = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1');

/** On unless switched off: "off", "false" or "0". */
export const onUnlessOff = z
  .enum(['on', 'off', 'true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => !(v === 'off' || v === 'false' || v === '0'));

/** How many reverse proxies in front of the app append to X-Forwarded-For (0: clients connect directly). */
export const proxyHops = z.coerce
  .number()
  .int()
  .min(0, 'must be 0 or more')
  .max(10, 'must be at most 10')
  .optional()
  .transform((v) => v ?? 0);

export const positiveInt = (fallback: number) =>
  z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .transform((v) => v ?? fallback);
