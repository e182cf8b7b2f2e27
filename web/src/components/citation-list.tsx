import type { CitationFieldsFragment } from '../generated/graphql';

/** The passages behind a fact, grouped by document: its title, then each quoted phrase. */
export function CitationList({ citations }: { citations: readonly CitationFieldsFragment[] }) {
  if (citations.length === 0) return <p className="muted">No passage recorded.</p>;
  const byDocument = new Map<string, { title: string; quotes: string[] }>();
  for (const citation of citations) {
    const entry = byDocument.get(citation.source.id) ?? { title: citation.source.title, quotes: [] };
    if (citation.quote && !entry.quotes.includes(citation.quote)) entry.quotes.push(citation.quote);
    byDocument.set(citation.source.id, entry);
  }
  return (
    <ul className="citations">
      {[...byDocument].map(([id, { title, quotes }]) => (
        <li key={id}>
          <cite>{title}</cite>
          {quotes.map((quote) => (
            <blockquote key={quote}>“{quote}”</blockquote>
          ))}
        </li>
      ))}
    </ul>
  );
}
