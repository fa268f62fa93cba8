import pino, { type DestinationStream, type Logger } from 'pino';
import { logLevelFrom, type LogLevel } from '@/lib/env/observability';
import { processSingleton } from '@/lib/process-singleton';
import { currentRequestId } from './request-context';
import { SECRET_KEYS, scrubText, scrubValue } from './scrub';

/**
 * Where pino's own `redact` removes a secret: the key at the top of a line's object and one or
 * two levels down (`{ err }`, `{ req: { headers } }`). scrub.ts catches the same keys at any depth.
 */
const REDACT_PATHS = SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]).concat(
  ['client_secret', 'api_key', 'private_key', 'card_number', 'set-cookie', 'x-api-key'].flatMap((k) => [`["${k}"]`, `*["${k}"]`, `*.*["${k}"]`]),
);

/**
 * A logger writing JSON lines: `level` as a name, an ISO time, the request's id on every line
 * written while a request runs (request-context.ts), secrets redacted by key, and emails, card
 * numbers and link tokens scrubbed from every string (scrub.ts), the message included.
 */
export function createLogger(opts: { level: LogLevel; destination?: DestinationStream }): Logger {
  return pino(
    {
      level: opts.level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (obj) => scrubValue(obj) as Record<string, unknown>,
      },
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      hooks: {
        // `log.error(err)` and `log.warn('…')`: the message is scrubbed too (pino writes it apart from the object).
        logMethod(args, method) {
          const [first, ...rest] = args as unknown[];
          if (first instanceof Error) {
            const msg = typeof rest[0] === 'string' ? rest.shift() : first.message;
            return method.apply(this, [{ err: first }, scrubText(String(msg)), ...rest] as Parameters<typeof method>);
          }
          return method.apply(this, args.map((a) => (typeof a === 'string' ? scrubText(a) : a)) as Parameters<typeof method>);
        },
      },
    },
    opts.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

/**
 * The process's logger, one per process (Next bundles routes separately), at LOG_LEVEL
 * (lib/env/observability.ts; `info` by default). Use `log.info({ what }, 'sentence')`,
 * `log.error({ err }, 'what failed')`.
 */
export const log: Logger = processSingleton('logger', () => createLogger({ level: logLevelFrom(process.env) }));
