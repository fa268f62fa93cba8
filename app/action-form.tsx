'use client';
import { useActionState, type ReactNode } from 'react';
import type { PublicActionState } from '@/lib/server/public-action';

/** A form whose public action answers an outage with a sentence (lib/server/public-action.ts): shown after its fields, read out. */
export function ActionForm(props: {
  action: (prev: PublicActionState, form: FormData) => Promise<PublicActionState>;
  className?: string;
  children: ReactNode;
}) {
  const [state, action] = useActionState(props.action, null);
  return (
    <form action={action} className={props.className}>
      {props.children}
      {state?.error && (
        <p role="alert" className="action-error">
          {state.error}
        </p>
      )}
    </form>
  );
}
