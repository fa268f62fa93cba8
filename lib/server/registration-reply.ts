import type { SetupCameBack } from '@/lib/cards/stripe/came-back';
import { accepted, ok, type Reply } from './reply';

/** The customer page's answer once a Stripe setup came back: 200 saved, 202 being finished, else the refusal that says why (422 refused for good). */
export function registrationReply(cameBack: SetupCameBack): Reply {
  switch (cameBack.kind) {
    case 'saved':
      return ok({ status: 'registered', card: cameBack.card });
    case 'finishing':
      return cameBack.refusal ?? accepted({ status: 'pending', card: cameBack.card });
    case 'failed':
    case 'unknown':
      return cameBack.refusal;
  }
}
