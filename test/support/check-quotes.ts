import type { CuratedDataset } from '../../src/data/curated-schema';

/** Collapses runs of whitespace, so a quote may span the document's line breaks. */
export function normaliseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Lists every citation whose quote is not found, verbatim, in the document it
 * cites (`documentText` returns null for a document it does not have).
 */
export function findUnsupportedQuotes(dataset: CuratedDataset, documentText: (sourceId: string) => string | null): string[] {
  const documents = new Map<string, string | null>();
  const textOf = (id: string) => {
    if (!documents.has(id)) {
      const text = documentText(id);
      documents.set(id, text === null ? null : normaliseSpace(text));
    }
    return documents.get(id) ?? null;
  };
  const facts = [
    ...Object.values(dataset.entities).flat().map((fact) => ({ label: fact.id, citations: fact.citations })),
    ...[...dataset.figures.salaries, ...dataset.figures.growth].map((fact) => ({ label: fact.id, citations: fact.citations })),
    ...dataset.links.map((link) => ({ label: `${link.from} -${link.type}-> ${link.to}`, citations: link.citations })),
  ];
  const problems: string[] = [];
  for (const fact of facts) {
    for (const citation of fact.citations) {
      if (citation.quote === undefined) continue;
      const text = textOf(citation.source);
      if (text === null) problems.push(`${fact.label}: source ${citation.source} is not available`);
      else if (!text.includes(normaliseSpace(citation.quote))) {
        problems.push(`${fact.label}: "${citation.quote}" is not in ${citation.source}`);
      }
    }
  }
  return problems;
}
