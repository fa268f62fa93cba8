'use client';

import { useActionState, useRef } from 'react';
import type { ActionState } from '@/lib/server/staff';
import { sendCampaignAction } from './actions';

/** One line of the table, as words already (the page renders them in the reader's language). */
export type SendLine = {
  code: string;
  name: string;
  card: string;
  state: string;
  stateKey: string;
  sentAt: string;
  reminder: string;
  listed: boolean;
  select: string;
};

type Labels = { selectAll: string; account: string; card: string; state: string; sentAt: string; reminder: string; send: string; caption: string };

/**
 * A campaign's accounts with a checkbox each (named `a:<code>`) and "select all"; sends the
 * campaign to those checked. Accounts no longer on the list (sent earlier) show their state only.
 */
export function SendTable({ campaign, lines, labels }: { campaign: string; lines: SendLine[]; labels: Labels }) {
  const [state, action, pending] = useActionState<ActionState | null, FormData>(sendCampaignAction, null);
  const form = useRef<HTMLFormElement>(null);
  const toggleAll = (checked: boolean) => {
    for (const box of form.current?.querySelectorAll<HTMLInputElement>('input[data-pick]') ?? []) box.checked = checked;
  };
  return (
    <form action={action} ref={form} data-testid={`campaign-form-${campaign}`}>
      <input type="hidden" name="campaign" value={campaign} />
      <div className="campaign-table-wrap" tabIndex={0} role="region" aria-label={labels.caption}>
        <table className="staff-table campaign-table" data-testid={`campaign-table-${campaign}`}>
          <caption className="visually-hidden">{labels.caption}</caption>
          <thead>
            <tr>
              <th scope="col">
                <label className="campaign-pick">
                  <input type="checkbox" onChange={(e) => toggleAll(e.currentTarget.checked)} data-testid="select-all" />
                  {labels.selectAll}
                </label>
              </th>
              <th scope="col">{labels.account}</th>
              <th scope="col">{labels.card}</th>
              <th scope="col">{labels.state}</th>
              <th scope="col">{labels.sentAt}</th>
              <th scope="col">{labels.reminder}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.code} data-testid="campaign-row" data-account={l.code} data-state={l.stateKey}>
                <td>{l.listed ? <input type="checkbox" name={`a:${l.code}`} value="1" data-pick aria-label={l.select} /> : null}</td>
                <td data-label={labels.account}>
                  <span>
                    <a href={`/staff/accounts/${encodeURIComponent(l.code)}`}>{l.code}</a> {l.name}
                  </span>
                </td>
                <td data-label={labels.card}>{l.card}</td>
                <td data-label={labels.state} data-testid="campaign-state">
                  {l.state}
                </td>
                <td data-label={labels.sentAt}>{l.sentAt}</td>
                <td data-label={labels.reminder}>{l.reminder}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <button type="submit" className="button" disabled={pending} data-testid="campaign-send">
          {labels.send}
        </button>
      </p>
      {state && (
        <p role={state.ok ? 'status' : 'alert'} className={state.ok ? 'staff-done' : 'staff-error'} data-testid="action-answer">
          {state.ok ? state.message : state.error}
        </p>
      )}
    </form>
  );
}
