'use client';
import { useActionState } from 'react';
import type { ActionState } from '@/lib/server/staff';

/** A small staff form around one Server Action: its answer (or refusal) shown beside it and read out. */
export function ActionForm(props: {
  action: (prev: ActionState | null, form: FormData) => Promise<ActionState>;
  hidden?: Record<string, string>;
  submit: string;
  className?: string;
  secondary?: boolean;
  children?: React.ReactNode;
}) {
  const [state, action, pending] = useActionState(props.action, null);
  return (
    <form action={action} className={props.className ?? 'staff-inline-form'}>
      {Object.entries(props.hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {props.children}
      <button type="submit" className={props.secondary ? 'button button-secondary' : 'button'} disabled={pending}>
        {props.submit}
      </button>
      {state && (
        <p role={state.ok ? 'status' : 'alert'} className={state.ok ? 'staff-done' : 'staff-error'} data-testid="action-answer">
          {state.ok ? state.message : state.error}
        </p>
      )}
    </form>
  );
}
