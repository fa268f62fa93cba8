'use client';

import { startTransition, useActionState, useState, type FormEvent } from 'react';
import type { ImportActionState } from './actions';

type Labels = {
  file: string;
  check: string;
  start: string;
  working: string;
  tooLarge: string;
  badRows: string;
  columns: { line: string; account: string; gateway: string; token: string; reason: string };
};

/** Upload, dry run, start: one form, two buttons; the answer's sentence and the rows that will not be imported. */
export function ImportForm({
  action,
  labels,
  maxBytes,
}: {
  action: (prev: ImportActionState | null, form: FormData) => Promise<ImportActionState>;
  labels: Labels;
  maxBytes: number;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const [tooLarge, setTooLarge] = useState(false);
  // Sent by hand, not as the form's action: a form action resets the form, and the file chosen for
  // the dry run must still be there for the import.
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const submitter = (e.nativeEvent as SubmitEvent).submitter;
    const form = new FormData(e.currentTarget, submitter);
    startTransition(() => formAction(form));
  };
  return (
    <form onSubmit={submit} className="import-form" data-testid="import-form">
      <label className="staff-field">
        {labels.file}
        <input
          type="file"
          name="file"
          accept=".csv,text/csv"
          required
          data-testid="import-file"
          onChange={(e) => setTooLarge((e.currentTarget.files?.[0]?.size ?? 0) > maxBytes)}
        />
      </label>
      {tooLarge && (
        <p className="staff-error" role="alert">
          {labels.tooLarge}
        </p>
      )}
      <div className="import-buttons">
        <button type="submit" name="mode" value="check" className="button" disabled={pending || tooLarge} data-testid="import-check">
          {pending ? labels.working : labels.check}
        </button>
        <button type="submit" name="mode" value="start" className="button" disabled={pending || tooLarge} data-testid="import-start">
          {labels.start}
        </button>
      </div>
      <div aria-live="polite">
        {state?.ok === false && (
          <p className="staff-error" role="alert" data-testid="import-error">
            {state.error}
          </p>
        )}
        {state?.ok && state.message && (
          <p className="staff-done" data-testid="import-answer">
            {state.message}
          </p>
        )}
        {state?.ok && state.bad && state.bad.length > 0 && (
          <table className="import-bad" data-testid="import-bad">
            <caption>{labels.badRows}</caption>
            <thead>
              <tr>
                <th scope="col">{labels.columns.line}</th>
                <th scope="col">{labels.columns.account}</th>
                <th scope="col">{labels.columns.gateway}</th>
                <th scope="col">{labels.columns.token}</th>
                <th scope="col">{labels.columns.reason}</th>
              </tr>
            </thead>
            <tbody>
              {state.bad.map((r) => (
                <tr key={r.line}>
                  <td>{r.line}</td>
                  <td>{r.account}</td>
                  <td>{r.gateway}</td>
                  <td>{r.token}</td>
                  <td>{r.sentence}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </form>
  );
}
