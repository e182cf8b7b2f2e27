import type { CombinedError } from 'urql';

/** A polite live region saying what is loading; screen readers announce it once. */
export function Loading({ what }: { what: string }) {
  return (
    <p className="status" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> Loading {what}…
    </p>
  );
}

/** The first error's message and code, e.g. NOT_FOUND for an id that names nothing. */
export function describeError(error: CombinedError): { message: string; code: string | undefined } {
  const first = error.graphQLErrors[0];
  if (first) return { message: first.message, code: typeof first.extensions.code === 'string' ? first.extensions.code : undefined };
  if (error.networkError) return { message: 'The service could not be reached. Is it running?', code: undefined };
  return { message: error.message, code: undefined };
}

/** An error announced at once (role="alert"), with what the reader can do about it. */
export function ErrorMessage({ error, retry }: { error: CombinedError; retry?: () => void }) {
  const { message, code } = describeError(error);
  return (
    <div className="error" role="alert">
      <p>
        <strong>Something went wrong.</strong> {message}
        {code ? <span className="code"> ({code})</span> : null}
      </p>
      {retry ? (
        <button type="button" onClick={retry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
