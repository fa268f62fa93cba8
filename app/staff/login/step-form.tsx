'use client';
import { useActionState } from 'react';
import type { StepState } from './actions';

type Field = { name: string; label: string; type: string; autoComplete: string; inputMode?: 'numeric' | 'text' };

/** One sign-in step: its fields, a submit button, and the refusal read out to screen readers. */
export function StepForm(props: { action: (prev: StepState, form: FormData) => Promise<StepState>; fields: Field[]; submit: string; busy: string }) {
  const [state, action, pending] = useActionState(props.action, null);
  return (
    <form action={action} className="staff-form" noValidate data-testid="staff-login-form">
      {props.fields.map((f) => (
        <label key={f.name} className="staff-field">
          <span>{f.label}</span>
          <input
            name={f.name}
            data-testid={`staff-login-${f.name}`}
            type={f.type}
            autoComplete={f.autoComplete}
            inputMode={f.inputMode}
            required
            aria-invalid={state?.error ? true : undefined}
            aria-describedby={state?.error ? 'staff-form-error' : undefined}
          />
        </label>
      ))}
      {state?.error && (
        <p id="staff-form-error" role="alert" className="staff-error">
          {state.error}
        </p>
      )}
      <button type="submit" className="button" disabled={pending} data-testid="staff-login-submit">
        {pending ? props.busy : props.submit}
      </button>
    </form>
  );
}
