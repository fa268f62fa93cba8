'use client';
import { useActionState } from 'react';
import type { EnrolState } from './actions';

type Texts = { code: string; confirm: string; busy: string; recoveryTitle: string; recoveryLead: string; done: string };

/** Confirms the first code; then shows the ten recovery codes, once. */
export function EnrolForm({ action, texts, enrolled }: { action: (prev: EnrolState, form: FormData) => Promise<EnrolState>; texts: Texts; enrolled: boolean }) {
  const [state, submit, pending] = useActionState(action, null);
  if (enrolled && !(state && 'recoveryCodes' in state)) {
    return (
      <a href="/staff" className="button">
        {texts.done}
      </a>
    );
  }
  if (state && 'recoveryCodes' in state) {
    return (
      <div className="staff-recovery">
        <h2>{texts.recoveryTitle}</h2>
        <p>{texts.recoveryLead}</p>
        <ol className="staff-codes" data-testid="recovery-codes">
          {state.recoveryCodes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ol>
        <a href="/staff" className="button">
          {texts.done}
        </a>
      </div>
    );
  }
  const error = state && 'error' in state ? state.error : null;
  return (
    <form action={submit} className="staff-form" noValidate>
      <label className="staff-field">
        <span>{texts.code}</span>
        <input
          name="code"
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'enrol-error' : undefined}
        />
      </label>
      {error && (
        <p id="enrol-error" role="alert" className="staff-error">
          {error}
        </p>
      )}
      <button type="submit" className="button" disabled={pending}>
        {pending ? texts.busy : texts.confirm}
      </button>
    </form>
  );
}
