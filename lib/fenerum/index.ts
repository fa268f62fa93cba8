import 'server-only';
import { env } from '../env';
import { createFenerumClient } from './client';
import type { FenerumClient } from './types';

export { FenerumError } from './errors';
export type { Account, Actor, FenerumClient, Gateway, PaymentCard } from './types';

let client: FenerumClient | undefined;

/**
 * The process's Fenerum client, built from the validated config. One per process, so its rate
 * limiter sees every request this process makes.
 */
export function fenerum(): FenerumClient {
  if (!client) {
    const { apiUrl, token, clientSystem, ratePerMinute } = env().fenerum;
    client = createFenerumClient({ apiUrl, token, clientSystem, ratePerMinute });
  }
  return client;
}
