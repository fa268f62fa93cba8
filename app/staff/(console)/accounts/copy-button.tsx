'use client';

import { useState } from 'react';
import styles from './staff-accounts.module.css';

/** A link shown once, in a field the person can select, with a button that copies it. */
export function CopyField({ label, value, labels }: { label: string; value: string; labels: { copy: string; copied: string; failed: string } }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = () => {
    navigator.clipboard.writeText(value).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };
  return (
    <div className={styles.copyField}>
      <label className={styles.label}>
        {label}
        <input className="staff-input" readOnly value={value} onFocus={(e) => e.currentTarget.select()} data-testid="copy-value" />
      </label>
      <button type="button" className="button" onClick={copy}>
        {state === 'copied' ? labels.copied : labels.copy}
      </button>
      <span role="status" className={styles.muted}>
        {state === 'failed' ? labels.failed : ''}
      </span>
    </div>
  );
}
