import type { LinkType } from '../models/link-types';
import type { EntityLabel } from '../models/records';
import type { CuratedCitation, CuratedDataset } from './curated-schema';
import { labelsById } from './validate-curated';

export interface EntityRow {
  id: string;
  label: EntityLabel;
  properties: Record<string, unknown>;
}

export interface LinkRow {
  from: string;
  to: string;
  type: LinkType;
  properties: Record<string, unknown>;
}

export interface GraphRows {
  sources: { id: string; title: string }[];
  entities: EntityRow[];
  links: LinkRow[];
}

/**
 * Citations are stored on each node and relationship as two parallel lists,
 * `sourceIds` and `quotes` ('' where no quote is given), since Neo4j properties
 * hold lists of primitives but not maps.
 */
export function citationProperties(citations: CuratedCitation[], inferred = false): Record<string, unknown> {
  return {
    sourceIds: citations.map((citation) => citation.source),
    quotes: citations.map((citation) => citation.quote ?? ''),
    inferred,
  };
}

/**
 * Turns a validated dataset into the rows the upsert statements take. Every
 * optional property is written (null when absent) so that re-loading an edited
 * document also removes what was taken out of it.
 */
export function toGraphRows(dataset: CuratedDataset): GraphRows {
  const labels = labelsById(dataset);
  const entities: EntityRow[] = [];
  const links: LinkRow[] = [];

  for (const entity of Object.values(dataset.entities).flat()) {
    const { id, citations, inferred, ...rest } = entity;
    const properties: Record<string, unknown> = {
      aliases: [],
      summary: null,
      category: null,
      description: null,
      kind: null,
      ...rest,
      ...citationProperties(citations, inferred),
    };
    entities.push({ id, label: labels.get(id) as EntityLabel, properties });
  }

  for (const salary of dataset.figures.salaries) {
    const { id, role, citations, inferred, ...figure } = salary;
    const properties = { median: null, low: null, high: null, year: null, provider: null, population: null, note: null, ...figure };
    entities.push({ id, label: 'SalaryFigure', properties: { ...properties, ...citationProperties(citations, inferred) } });
    links.push({ from: role, to: id, type: 'HAS_SALARY', properties: citationProperties(citations, inferred) });
  }
  for (const growth of dataset.figures.growth) {
    const { id, role, citations, inferred, ...figure } = growth;
    const properties = { period: null, provider: null, population: null, ...figure };
    entities.push({ id, label: 'GrowthFigure', properties: { ...properties, ...citationProperties(citations, inferred) } });
    links.push({ from: role, to: id, type: 'HAS_GROWTH', properties: citationProperties(citations, inferred) });
  }

  for (const link of dataset.links) {
    links.push({
      from: link.from,
      to: link.to,
      type: link.type,
      properties: { reason: link.reason ?? null, ...citationProperties(link.citations, link.inferred) },
    });
  }

  return { sources: dataset.sources, entities, links };
}
