import { citationProperties, type NodeRow, type GraphRows, type LinkRow } from '../models/graph-rows';
import { ROLE_FACT } from '../models/relations';
import type { NodeLabel } from '../models/node-labels';
import type { CuratedDataset } from './curated-schema';
import { labelsById } from './validate-curated';

type NodeFact = CuratedDataset['entities'][keyof CuratedDataset['entities']][number];
type SalaryFact = CuratedDataset['figures']['salaries'][number];
type GrowthFact = CuratedDataset['figures']['growth'][number];
type LinkFact = CuratedDataset['links'][number];

/**
 * The row of one role, skill, responsibility, setting, tool, education level or
 * collaborator. Every optional property is written (null when absent) so that
 * writing an edited fact also removes what was taken out of it.
 */
export function nodeRow(label: NodeLabel, entity: NodeFact): NodeRow {
  // A role's mapping is kept apart (see toGraphRows): a curator's edit of the role leaves it be.
  const { id, citations, inferred, ...rest } = entity;
  if ('equivalents' in rest) delete rest.equivalents;
  const properties: Record<string, unknown> = {
    aliases: [],
    externalCodes: null,
    summary: null,
    category: null,
    description: null,
    kind: null,
    ...rest,
    ...citationProperties(citations, inferred),
  };
  return { id, label, properties };
}

/** A salary figure's node and the HAS_SALARY link from its role, both citing the same passages. */
export function salaryRows(salary: SalaryFact): { node: NodeRow; link: LinkRow } {
  const { id, role, citations, inferred, ...figure } = salary;
  const properties = { median: null, low: null, high: null, year: null, provider: null, population: null, note: null, ...figure };
  return {
    node: { id, label: 'SalaryFigure', properties: { ...properties, ...citationProperties(citations, inferred) } },
    link: { from: role, to: id, type: ROLE_FACT.salaries, properties: citationProperties(citations, inferred) },
  };
}

/** A growth figure's node and the HAS_GROWTH link from its role. */
export function growthRows(growth: GrowthFact): { node: NodeRow; link: LinkRow } {
  const { id, role, citations, inferred, ...figure } = growth;
  const properties = { period: null, provider: null, population: null, ...figure };
  return {
    node: { id, label: 'GrowthFigure', properties: { ...properties, ...citationProperties(citations, inferred) } },
    link: { from: role, to: id, type: ROLE_FACT.growth, properties: citationProperties(citations, inferred) },
  };
}

export function linkRow(link: LinkFact): LinkRow {
  return {
    from: link.from,
    to: link.to,
    type: link.type,
    properties: {
      reason: link.reason ?? null,
      importance: link.importance ?? null,
      level: link.level ?? null,
      essential: link.essential ?? null,
      ...citationProperties(link.citations, link.inferred),
    },
  };
}

/** Turns a validated dataset into the rows the upsert statements take. */
export function toGraphRows(dataset: CuratedDataset): GraphRows {
  const labels = labelsById(dataset);
  const nodes = Object.values(dataset.entities)
    .flat()
    .map((fact) => nodeRow(labels.get(fact.id) as NodeLabel, fact));
  // Each role's editorial mapping, stored on the role as JSON (Neo4j holds no list of maps) for the links to be
  // made whenever its counterparts are in the graph, now or after an import.
  const roles = new Map(dataset.entities.roles.map((role) => [role.id, role]));
  for (const node of nodes) {
    const role = roles.get(node.id);
    if (role) node.properties.equivalenceMapping = role.equivalents?.length ? JSON.stringify(role.equivalents) : null;
  }
  const links: LinkRow[] = [];
  for (const figure of [...dataset.figures.salaries.map(salaryRows), ...dataset.figures.growth.map(growthRows)]) {
    nodes.push(figure.node);
    links.push(figure.link);
  }
  links.push(...dataset.links.map(linkRow));
  return { sources: dataset.sources.map(({ id, title }) => ({ id, title })), nodes, links };
}
