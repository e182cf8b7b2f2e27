import type { NodeLabel } from './node-labels';
import type { RelationType } from './relations';

/** One node to write: its id, its label, and every property it stores. */
export interface NodeRow {
  id: string;
  label: NodeLabel;
  properties: Record<string, unknown>;
}

/** One relationship to write between two nodes by id. */
export interface LinkRow {
  from: string;
  to: string;
  type: RelationType;
  properties: Record<string, unknown>;
}

/** One more name for a node that already exists (an importer's alternate titles). */
export interface AliasRow {
  id: string;
  alias: string;
}

/** What the graph writer takes: the curated loader, the importers and every curation mutation produce these. */
export interface GraphRows {
  sources: { id: string; title: string }[];
  nodes: NodeRow[];
  links: LinkRow[];
  /** Names added to existing nodes' aliases; none when absent. */
  aliases?: AliasRow[];
}

/**
 * Citations are stored on each node and relationship as two parallel lists,
 * `sourceIds` and `quotes` ('' where no quote is given), since Neo4j properties
 * hold lists of primitives but not maps.
 */
export function citationProperties(citations: readonly { source: string; quote?: string | null }[], inferred = false): Record<string, unknown> {
  return {
    sourceIds: citations.map((citation) => citation.source),
    quotes: citations.map((citation) => citation.quote ?? ''),
    inferred,
  };
}
