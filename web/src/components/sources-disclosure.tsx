import { useState, type ReactNode } from 'react';

export interface SourcesDisclosureProps {
  /** The fact the sources are for, read to screen readers after "Sources" (many such buttons share a page). */
  about: string;
  /** What to show once opened; rendered, and so fetched, only then. */
  children: () => ReactNode;
}

/** "Sources", closed until asked for: a native <details>, which keyboards and screen readers know. */
export function SourcesDisclosure({ about, children }: SourcesDisclosureProps) {
  const [open, setOpen] = useState(false);
  return (
    <details className="sources" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        Sources<span className="visually-hidden"> for {about}</span>
      </summary>
      {open ? <div className="sources-body">{children()}</div> : null}
    </details>
  );
}
