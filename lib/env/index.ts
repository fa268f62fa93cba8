import 'server-only';
import { resolveEnv, type Env } from './schema';

let cached: Env | undefined;

/** The validated configuration. Throws, naming the variable, when it is invalid. */
export function env(): Env {
  cached ??= resolveEnv(process.env);
  return cached;
}
