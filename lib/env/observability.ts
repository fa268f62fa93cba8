import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** LOG_LEVEL: the least severe level written (lib/log); `info` unless set. */
export const logLevelField = z
  .string()
  .trim()
  .toLowerCase()
  .transform((v) => (v === '' ? undefined : v))
  .pipe(z.enum(LOG_LEVELS, { error: `one of ${LOG_LEVELS.join(', ')}` }).optional())
  .transform((v): LogLevel => v ?? 'info')
  .optional()
  .transform((v): LogLevel => v ?? 'info');

/**
 * The level the logger starts at. It is read before the configuration as a whole is validated
 * (a line about an invalid configuration is itself logged), so an invalid value here means
 * `info`; lib/env/schema.ts refuses it at start all the same, naming the variable.
 */
export function logLevelFrom(raw: Record<string, string | undefined>): LogLevel {
  const parsed = logLevelField.safeParse(raw.LOG_LEVEL);
  return parsed.success ? parsed.data : 'info';
}

/**
 * METRICS_TOKEN: the bearer token `GET /api/metrics` asks for (at least 16 characters). In the
 * sandbox a published default (lib/env/sandbox-defaults.ts); live without one, the route answers 404.
 */
export const metricsTokenField = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .pipe(z.string().min(16, 'must be at least 16 characters').optional())
  .optional();
