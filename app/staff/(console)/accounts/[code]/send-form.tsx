'use client';

import { useActionState, useState } from 'react';
import type { ActionState } from '@/lib/server/staff';
import { sendByEmailAction } from '../actions';
import styles from '../staff-accounts.module.css';

type Kind = 'customer-link' | 'new-card' | 'self-service';

export type SendFormProps = {
  accountCode: string;
  /** This rendering's one-time id: the same form posted twice sends once. */
  sendId: string;
  kinds: { value: Kind; label: string; hint: string }[];
  preselected: Kind;
  recipients: { email: string; label: string }[];
  defaultRecipient: string;
  /** "Please add your card again" about this card (its uuid and how it reads). */
  card: { uuid: string; label: string } | null;
  words: { legend: string; to: string; send: string; sendAgain: string; working: string };
};

/** The send form: what, to which of the account's recipients; a second send of the same asks first. */
export function SendForm({ accountCode, sendId, kinds, preselected, recipients, defaultRecipient, card, words }: SendFormProps) {
  const [state, formAction, pending] = useActionState<ActionState | null, FormData>(sendByEmailAction, null);
  const [kind, setKind] = useState<Kind>(preselected);
  // The question is about what it named: once the form changes, Send asks afresh.
  const [changedAfter, setChangedAfter] = useState<ActionState | null>(null);
  const asks = state !== changedAfter && state?.ok === false && state.fields?.confirm !== undefined;
  return (
    <form action={formAction} onChange={() => setChangedAfter(state)} className={styles.form} data-testid="send-form">
      <input type="hidden" name="accountCode" value={accountCode} />
      <input type="hidden" name="sendId" value={sendId} />
      {kind === 'new-card' && card && <input type="hidden" name="card" value={card.uuid} />}
      <fieldset className={styles.fieldset}>
        <legend className={styles.strong}>{words.legend}</legend>
        {kinds.map((k) => (
          <label key={k.value} className={styles.choice}>
            <input type="radio" name="kind" value={k.value} checked={kind === k.value} onChange={() => setKind(k.value)} />
            <span>
              <span className={styles.strong}>{k.label}</span>
              <span className={styles.muted}>{k.value === 'new-card' && card ? `${k.hint} ${card.label}` : k.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <label className={styles.label}>
        {words.to}
        <select name="recipient" defaultValue={defaultRecipient} className="staff-input">
          {recipients.map((r) => (
            <option key={r.email} value={r.email}>
              {r.label}
            </option>
          ))}
        </select>
      </label>
      <div aria-live="polite">
        {asks && (
          <p className={`${styles.notice} ${styles.answer}`} role="alert" data-testid="send-answer">
            {state.error}
          </p>
        )}
        {state?.ok === false && state.fields?.confirm === undefined && (
          <p className={`staff-error ${styles.answer}`} role="alert" data-testid="send-answer">
            {state.error}
          </p>
        )}
        {state?.ok && state.message && (
          <p className={`staff-done ${styles.answer}`} data-testid="send-answer">
            {state.message}
          </p>
        )}
      </div>
      <div className={styles.buttons}>
        {asks ? (
          <button type="submit" name="confirm" value="1" className="button" disabled={pending}>
            {pending ? words.working : words.sendAgain}
          </button>
        ) : (
          <button type="submit" className="button" disabled={pending}>
            {pending ? words.working : words.send}
          </button>
        )}
      </div>
    </form>
  );
}
