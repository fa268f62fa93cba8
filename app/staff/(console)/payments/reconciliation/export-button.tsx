'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';

type State = { kind: 'idle' } | { kind: 'running'; rows: number } | { kind: 'done'; rows: number; url: string } | { kind: 'failed'; message: string };

/**
 * Downloads the period's CSV, showing how many payments have arrived so far (the server streams
 * it page by page), then offers the file. Without JavaScript the link downloads it directly.
 */
export function ExportButton({ href, filename }: { href: string; filename: string }) {
  const t = useTranslations('farpay.reconciliation');
  const [state, setState] = useState<State>({ kind: 'idle' });

  async function run() {
    setState({ kind: 'running', rows: 0 });
    try {
      const res = await fetch(href, { cache: 'no-store' });
      if (!res.ok || !res.body) throw new Error(`${res.status}`);
      const reader = res.body.getReader();
      const parts: Uint8Array[] = [];
      let lines = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value);
        for (const byte of value) if (byte === 10) lines++;
        setState({ kind: 'running', rows: Math.max(0, lines - 1) });
      }
      const url = URL.createObjectURL(new Blob(parts as BlobPart[], { type: 'text/csv' }));
      setState({ kind: 'done', rows: Math.max(0, lines - 1), url });
      const a = document.createElement('a');
      a.href = url;
      a.download = filename;
      a.click();
    } catch (err) {
      setState({ kind: 'failed', message: (err as Error).message });
    }
  }

  return (
    <div className="panel">
      <a
        href={href}
        className="button"
        onClick={(e) => {
          e.preventDefault();
          if (state.kind !== 'running') void run();
        }}
        data-testid="export"
      >
        {t('export')}
      </a>
      <p aria-live="polite" data-testid="export-progress">
        {state.kind === 'running' ? t('exporting', { rows: String(state.rows) }) : null}
        {state.kind === 'done' ? (
          <>
            {t('exported', { rows: String(state.rows) })}{' '}
            <a href={state.url} download={filename}>
              {t('save')}
            </a>
          </>
        ) : null}
        {state.kind === 'failed' ? t('exportFailed', { message: state.message }) : null}
      </p>
    </div>
  );
}
