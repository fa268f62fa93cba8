import 'server-only';
import { headers } from 'next/headers';
import { clientAddress } from '@/lib/http/client-ip';

/** The staff member's address for the audit log, read as TRUST_PROXY_HOPS says (never a raw X-Forwarded-For). */
export async function requestIp(trustProxyHops: number): Promise<string | null> {
  return clientAddress((await headers()).get('x-forwarded-for'), trustProxyHops);
}
