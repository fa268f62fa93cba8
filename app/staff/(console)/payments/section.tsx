import type { ReactNode } from 'react';
import { providerFailure } from '@/lib/server/errors';
import { PaymentsSubnav } from './subnav';

type Current = Parameters<typeof PaymentsSubnav>[0]['current'];

/** A payments page's frame: heading, lead and sub-navigation, then its body (or the role refusal, rendered by staffPage). */
export function PaymentsSection(props: { title: string; lead: string; current: Current; body: ReactNode }) {
  return (
    <section>
      <h1>{props.title}</h1>
      <p>{props.lead}</p>
      <PaymentsSubnav current={props.current} />
      {props.body}
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
