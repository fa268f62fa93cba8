import type { Db } from '@/lib/db/connect';
import { refused, type Refused } from '@/lib/domain/outcomes';
import type { QueueMailDeps } from '@/lib/mail/queue';
import { claimRefresh, refreshCandidates, type CandidateRefreshDeps } from './refresh';
import { drainCampaignSends, remindCampaign, sendCampaign, type RemindInput, type SendCampaignInput, type SendCampaignResult } from './send';

export type CampaignUseCases = {
  send: (input: SendCampaignInput) => Promise<SendCampaignResult | Refused>;
  remind: (input: RemindInput) => Promise<{ reminded: number } | Refused>;
  /** Starts a refresh of the candidates after the answer; refused while one runs. */
  refresh: () => Promise<{ started: true } | Refused>;
  /** Queues whatever sends are still waiting (a restart, Fenerum busy): the maintenance job calls it. */
  drain: () => Promise<void>;
};

type Deps = QueueMailDeps & {
  backgroundDb: Db;
  fenerum: QueueMailDeps['fenerum'] & CandidateRefreshDeps['fenerum'];
  later: (name: string, task: () => Promise<unknown>) => void;
};

/**
 * The campaigns' use cases, bound by the composition root: the staff member's request records
 * what to send on its own connection; the Fenerum reads and the outbox queueing run after the
 * answer on the background connection.
 */
export function createCampaignUseCases(deps: Deps): CampaignUseCases {
  const background = { ...deps, db: deps.backgroundDb };
  const { later } = deps;
  const drain = () => drainCampaignSends(background);
  // A send or reminder queues its emails after the answer; the maintenance job drains what a restart left.
  const thenDrain = { ...deps, later: (name: string) => later(name, drain) };
  return {
    send: (input) => sendCampaign(thenDrain, input),
    remind: (input) => remindCampaign(thenDrain, input),
    refresh: async () => {
      if (!(await claimRefresh(deps.db, new Date()))) return refused('too-many', 'campaignRefreshRunning');
      later('campaign candidates', () => refreshCandidates({ db: deps.backgroundDb, fenerum: deps.fenerum }));
      return { started: true } as const;
    },
    drain,
  };
}
