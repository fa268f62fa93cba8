import pino, { type DestinationStream, type Logger } from 'pino';
import { logLevelFrom, type LogLevel } from '@/lib/env/observability';
import { processSingleton } from '@/lib/process-singleton';
import { currentRequestId } from './request-context';
import { scrubText, scrubValue } from './scrub';

/**
 * Where pino's own `redact` removes a secret: the known places, at the top of a line's object and
 * one level down (`{ staff: { password } }`, `{ headers: { authorization } }`). Few and mostly
 * without wildcards on purpose: each `*` costs every line (all keys at every depth measured ~190 µs
 * a line, these ~20). scrub.ts removes the same keys at any depth before this runs.
 */
const REDACT_PATHS = [
  ...['password', 'token', 'secret', 'client_secret', 'clientSecret', 'apiKey', 'authorization', 'cookie', 'totp', 'totpCode', 'cardNumber'],
  ...['*.password', '*.token', '*.secret', '*.client_secret', '*.authorization', '*.cookie', '*.totp'],
  ...['req.headers.authorization', 'req.headers.cookie', 'headers["set-cookie"]', 'err.raw.client_secret'],
];

/**
 * Errors and worse on stderr, the rest on stdout, each line once; written at once (sync), so a
 * line logged just before `process.exit` is not lost. A supervisor that shows stderr apart (a
 * test runner, a terminal) shows what went wrong.
 */
function standardStreams(): DestinationStream {
  return pino.multistream(
    [
      { level: 'trace', stream: pino.destination({ dest: 1, sync: true }) },
      { level: 'error', stream: pino.destination({ dest: 2, sync: true }) },
    ],
    { dedupe: true },
  );
}

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
      // The error is already a plain, scrubbed object (formatters.log runs first): pino's own
      // serializer would take it for an error again and name its type "Object".
      serializers: { err: (err: unknown) => err },
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
    opts.destination ?? standardStreams(),
  );
}

/**
 * The process's logger, one per process (Next bundles routes separately), at LOG_LEVEL
 * (lib/env/observability.ts; `info` by default). Use `log.info({ what }, 'sentence')`,
 * `log.error({ err }, 'what failed')`.
 */
export const log: Logger = processSingleton('logger', () => createLogger({ level: logLevelFrom(process.env) }));
