import { RELATIONS } from '../models/relations';
import type { NodeLabel } from '../models/node-labels';
import { curatedDatasetSchema, type CuratedDataset } from './curated-schema';

/** A dataset that breaks the format; `problems` lists every rule broken, with where. */
export class CuratedDataError extends Error {
  override name = 'CuratedDataError';
  constructor(
    readonly origin: string,
    readonly problems: string[],
  ) {
    super(`${origin}: ${problems.length} problem(s): ${problems.slice(0, 10).join('; ')}${problems.length > 10 ? '; ...' : ''}`);
  }
}

const ENTITY_SECTIONS = {
  roles: 'Role',
  skills: 'Skill',
  responsibilities: 'Responsibility',
  settings: 'Setting',
  tools: 'Tool',
  education: 'Education',
  collaborators: 'Collaborator',
} as const satisfies Record<keyof CuratedDataset['entities'], NodeLabel>;

/** The label each id of the dataset gets, entities and figures alike. */
export function labelsById(dataset: CuratedDataset): Map<string, NodeLabel> {
  const labels = new Map<string, NodeLabel>();
  for (const [section, label] of Object.entries(ENTITY_SECTIONS)) {
    for (const entity of dataset.entities[section as keyof typeof ENTITY_SECTIONS]) labels.set(entity.id, label);
  }
  for (const salary of dataset.figures.salaries) labels.set(salary.id, 'SalaryFigure');
  for (const growth of dataset.figures.growth) labels.set(growth.id, 'GrowthFigure');
  return labels;
}

/**
 * Parses and checks a dataset document: the format, then the rules across it
 * (ids unique graph-wide, every citation's source declared, link ends of the
 * allowed kinds, figures attached to roles, a reason on every related career,
 * no link stated twice). Throws CuratedDataError listing every problem.
 */
export function validateCurated(input: unknown, origin: string): CuratedDataset {
  const parsed = curatedDatasetSchema.safeParse(input);
  if (!parsed.success) {
    throw new CuratedDataError(
      origin,
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(document)'}: ${issue.message}`),
    );
  }
  const dataset = parsed.data;
  const problems: string[] = [];
  const sourceIds = new Set(dataset.sources.map((source) => source.id));

  const seen = new Set<string>();
  const everyFact = [
    ...Object.values(dataset.entities).flat(),
    ...dataset.figures.salaries,
    ...dataset.figures.growth,
  ];
  for (const fact of everyFact) {
    if (seen.has(fact.id)) problems.push(`id "${fact.id}" is used more than once`);
    seen.add(fact.id);
  }

  const labels = labelsById(dataset);
  const mappings = dataset.entities.roles.flatMap((role) => (role.equivalents ?? []).map((entry) => ({ ...entry, id: `${role.id} = ${entry.code}` })));
  const cited = [...everyFact, ...dataset.links, ...mappings];
  for (const fact of cited) {
    for (const citation of fact.citations) {
      if (!sourceIds.has(citation.source)) problems.push(`${describe(fact)} cites unknown source "${citation.source}"`);
    }
  }
  // The mapping is this project's judgement: it cites an editorial source, never the articles, and the articles' facts never cite one.
  const editorial = new Set(dataset.sources.filter((source) => source.editorial).map((source) => source.id));
  for (const fact of cited) {
    const isMapping = mappings.includes(fact as (typeof mappings)[number]);
    for (const citation of fact.citations) {
      if (isMapping && sourceIds.has(citation.source) && !editorial.has(citation.source)) problems.push(`${describe(fact)} must cite an editorial source, not "${citation.source}"`);
      if (!isMapping && editorial.has(citation.source)) problems.push(`${describe(fact)} cites the editorial source "${citation.source}", which only the roles' mapping may cite`);
      if (editorial.has(citation.source) && citation.quote !== undefined) problems.push(`${describe(fact)} quotes the editorial source "${citation.source}", which has no document`);
    }
  }
  for (const figure of [...dataset.figures.salaries, ...dataset.figures.growth]) {
    if (labels.get(figure.role) !== 'Role') problems.push(`figure "${figure.id}" names "${figure.role}", which is not a role`);
  }

  const linkKeys = new Set<string>();
  for (const link of dataset.links) {
    const rule = RELATIONS[link.type];
    const from = labels.get(link.from);
    const to = labels.get(link.to);
    if (!from || !(rule.from as readonly string[]).includes(from)) {
      problems.push(`${describe(link)}: "${link.from}" must be one of ${rule.from.join('/')}, found ${from ?? 'nothing'}`);
    }
    if (!to || !(rule.to as readonly string[]).includes(to)) {
      problems.push(`${describe(link)}: "${link.to}" must be one of ${rule.to.join('/')}, found ${to ?? 'nothing'}`);
    }
    if (rule.needsReason && !link.reason) problems.push(`${describe(link)} needs a reason`);
    const weighted = link.importance !== undefined || link.level !== undefined || link.essential !== undefined;
    if (weighted && !rule.weighted) {
      problems.push(`${describe(link)}: importance, level and essential weigh skill requirements only`);
    }
    const key = `${link.from}|${link.type}|${link.to}`;
    if (linkKeys.has(key)) problems.push(`${describe(link)} is stated twice`);
    linkKeys.add(key);
  }

  if (problems.length > 0) throw new CuratedDataError(origin, problems);
  return dataset;
}

function describe(fact: { id?: string; type?: string; from?: string; to?: string }): string {
  return fact.id ? `"${fact.id}"` : `link ${fact.from} -${fact.type}-> ${fact.to}`;
}
