import 'server-only';
import { env } from '../env';
import { processSingleton } from '../process-singleton';
import { createFenerumClient } from './client';
import type { FenerumClient } from './types';

export { FenerumError } from './errors';
export type { Account, Actor, FenerumClient, Gateway, PaymentCard } from './types';

/**
 * The process's Fenerum client, built from the validated config. One per process (not per
 * Next bundle), so its rate limiter sees every request this process makes.
 */
export function fenerum(): FenerumClient {
  return processSingleton('fenerum-client', () => {
    const { apiUrl, token, clientSystem, ratePerMinute } = env().fenerum;
    return createFenerumClient({ apiUrl, token, clientSystem, ratePerMinute });
  });
}
