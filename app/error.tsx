'use client';

import { useEffect } from 'react';
import { useErrorWords } from './error-words';

/**
 * A page that failed while it was shown, in the visitor's language (the words come with the
 * root layout, app/error-words.tsx). Next shows the digest, never the error's text, in production.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const words = useErrorWords();
  useEffect(() => {
    document.title = words.errorTitle;
  }, [words]);
  return (
    <section className="panel" role="alert" data-testid="error-page">
      <h1>{words.errorTitle}</h1>
      <p>{words.errorLead}</p>
      {error.digest ? <p className="staff-hint">{words.reference.replace('{digest}', error.digest)}</p> : null}
      <p className="support-contact">
        {words.contact} <a href={`mailto:${words.supportEmail}`}>{words.supportEmail}</a>
      </p>
      <button type="button" className="button" onClick={reset}>
        {words.retry}
      </button>
    </section>
  );
}
