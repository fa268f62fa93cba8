import { z } from 'zod';

/** A message the sandbox's SMTP server caught, as its control lists it (sandbox/mail/mailbox.ts). */
const caught = z.object({
  id: z.string(),
  at: z.string(),
  to: z.array(z.string()),
  subject: z.string(),
  links: z.array(z.string()),
});
export type SandboxMessage = z.infer<typeof caught> & { htmlUrl: string };

/**
 * The newest messages in the sandbox's mailbox (sandbox mode only: the sandbox home page lists
 * them with their links). Asked over HTTP from the mailbox's control beside the Fenerum
 * emulator; null when the sandbox does not answer.
 */
export async function recentSandboxMail(fenerumApiUrl: string, limit = 10): Promise<SandboxMessage[] | null> {
  const base = new URL('/__sandbox/mail', fenerumApiUrl);
  try {
    const res = await fetch(base, { cache: 'no-store', signal: AbortSignal.timeout(2_000) });
    if (!res.ok) return null;
    const parsed = z.object({ results: z.array(caught) }).safeParse(await res.json());
    if (!parsed.success) return null;
    return parsed.data.results.slice(0, limit).map((m) => ({ ...m, htmlUrl: `${base.toString()}/${encodeURIComponent(m.id)}/html` }));
  } catch {
    return null;
  }
}
