import type { ReactNode } from 'react';
import { isRefused, type Refused } from '@/lib/domain/outcomes';
import { providerFailure } from '@/lib/server/errors';
import { PaymentsSubnav } from './subnav';

type Current = Parameters<typeof PaymentsSubnav>[0]['current'];

/** A payments page's frame: heading, lead and sub-navigation, then its body or the role refusal. */
export function PaymentsSection(props: { title: string; lead: string; current: Current; forbidden: string; body: ReactNode | Refused }) {
  return (
    <section>
      <h1>{props.title}</h1>
      <p>{props.lead}</p>
      <PaymentsSubnav current={props.current} />
      {isRefused(props.body) ? <p role="alert">{props.forbidden}</p> : props.body}
    </section>
  );
}

/** FarPay not answering: the form stays, with the sentence under it; any other error is thrown on. */
export function farpayDown(err: unknown, form: ReactNode, message: string): ReactNode {
  if (providerFailure(err)?.provider !== 'farpay') throw err;
  return (
    <>
      {form}
      <p role="alert" className="staff-error">
        {message}
      </p>
    </>
  );
}
