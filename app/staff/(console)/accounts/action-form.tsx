'use client';

import { useActionState, type ReactNode } from 'react';
import type { ActionState } from '@/lib/server/staff';
import { CopyField } from './copy-button';
import styles from './staff-accounts.module.css';

type CopyLabels = { copy: string; copied: string; failed: string };

export type ActionFormProps = {
  action: (prev: ActionState | null, form: FormData) => Promise<ActionState>;
  hidden: Record<string, string>;
  submit: string;
  working: string;
  /** The action answers a link (its message): shown in a field with a copy button under this label. */
  result?: { label: string; note: string; copy: CopyLabels };
  variant?: 'primary' | 'danger' | 'secondary';
  ariaLabel?: string;
  testId?: string;
  children?: ReactNode;
};

/** A staff Server Action's form: the fields, one button, and what the server answered (a sentence, or a link to copy). */
export function ActionForm({ action, hidden, submit, working, result, variant = 'primary', ariaLabel, testId, children }: ActionFormProps) {
  const [state, formAction, pending] = useActionState(action, null);
  const buttonClass = variant === 'primary' ? 'button' : `button ${styles[variant]}`;
  return (
    <form action={formAction} className={styles.form} data-testid={testId}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <div>
        <button type="submit" className={buttonClass} disabled={pending} aria-label={ariaLabel}>
          {pending ? working : submit}
        </button>
      </div>
      <div aria-live="polite">
        {state?.ok === false && (
          <p className={`staff-error ${styles.answer}`} role="alert">
            {state.error}
          </p>
        )}
        {state?.ok && state.message && result && (
          <>
            <p className={`staff-done ${styles.answer}`}>{result.note}</p>
            <CopyField label={result.label} value={state.message} labels={result.copy} />
          </>
        )}
        {state?.ok && state.message && !result && (
          <p className={`staff-done ${styles.answer}`} data-testid="action-done">
            {state.message}
          </p>
        )}
      </div>
    </form>
  );
}
