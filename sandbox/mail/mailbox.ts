import { randomUUID } from 'node:crypto';

/** One message the sandbox's SMTP server caught, parsed. */
export type CaughtMail = {
  id: string;
  at: string;
  /** The envelope's recipients (RCPT TO), lower-case. */
  to: string[];
  from: string | null;
  subject: string;
  messageId: string | null;
  text: string;
  html: string | null;
  /** Every http(s) address the message links to (its HTML's hrefs, else its text's). */
  links: string[];
  /** Content-Language or the HTML's lang attribute, when given. */
  language: string | null;
};

const MAX_KEPT = 500;

/** The sandbox's mailbox: newest first, the oldest dropped past 500. */
export function createMailbox() {
  let messages: CaughtMail[] = [];
  /** Recipients the SMTP server refuses for a while (451, try again later): address → times left. */
  const refusals = new Map<string, number>();
  return {
    add(mail: Omit<CaughtMail, 'id' | 'at'>): CaughtMail {
      const caught = { id: randomUUID(), at: new Date().toISOString(), ...mail };
      messages = [caught, ...messages].slice(0, MAX_KEPT);
      return caught;
    },
    list(to?: string): CaughtMail[] {
      const want = to?.toLowerCase();
      return want ? messages.filter((m) => m.to.includes(want)) : messages;
    },
    get: (id: string) => messages.find((m) => m.id === id),
    /** Clears every message, or only those to one recipient. How many went. */
    clear(to?: string): number {
      const before = messages.length;
      const want = to?.toLowerCase();
      messages = want ? messages.filter((m) => !m.to.includes(want)) : [];
      return before - messages.length;
    },
    refuse(to: string, count: number) {
      if (count > 0) refusals.set(to.toLowerCase(), count);
      else refusals.delete(to.toLowerCase());
    },
    /** True when this recipient is to be refused now (and counts the refusal). */
    takeRefusal(to: string): boolean {
      const key = to.toLowerCase();
      const left = refusals.get(key) ?? 0;
      if (left <= 0) return false;
      if (left === 1) refusals.delete(key);
      else refusals.set(key, left - 1);
      return true;
    },
  };
}

export type Mailbox = ReturnType<typeof createMailbox>;

/** The http(s) addresses in a message: its HTML's hrefs, else the text's URLs; each once, in order. */
export function linksOf(html: string | null, text: string): string[] {
  const found = html
    ? [...html.matchAll(/href="(https?:\/\/[^"]+)"/gi)].map((m) => (m[1] ?? '').replace(/&amp;/g, '&'))
    : [...text.matchAll(/https?:\/\/[^\s<>"]+/gi)].map((m) => m[0]);
  return [...new Set(found)];
}
