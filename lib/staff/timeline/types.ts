import type { Db } from '@/lib/db/connect';

export type TimelineTone = 'ok' | 'warn' | 'bad' | 'info';
type TimelineValue = string | number | Date;

/**
 * One line of an account's activity. `kind` names its sentence under `staffTimeline.kinds` in
 * messages/*.json (with `values` as its placeholders); a kind the catalogue lacks is shown with
 * the generic sentence, so a new source never breaks the page.
 */
export type TimelineEntry = {
  /** Unique across sources (React's key): "<source>:<id>". */
  key: string;
  at: Date;
  kind: string;
  values: Record<string, TimelineValue>;
  tone: TimelineTone;
  /** The provider's own words (a last error), shown as they came under the sentence. */
  detail?: string | null;
  /** An operator may send this card registration to Fenerum again. */
  retry?: { registrationId: string };
};

export type TimelineDeps = { db: Db };
export type TimelineAccount = { code: string };

/** One kind of history (the audit log, the registrations, later payments, refunds, webhooks): its newest `limit` entries. */
export type TimelineSource = {
  name: string;
  load: (deps: TimelineDeps, account: TimelineAccount, limit: number) => Promise<TimelineEntry[]>;
};
