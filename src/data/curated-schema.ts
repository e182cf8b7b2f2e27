import { z } from 'zod';
import { RELATION_TYPES } from '../models/relations';

/**
 * The curated dataset format, `careers-graph/curated@1` (data/curated/*.json).
 * Structural rules live here; rules that span the document (unique ids, link
 * endpoints, quotes found in the sources) are in validate-curated.ts.
 */

const id = z.string().max(200, 'ids are at most 200 characters').regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are lowercase words joined by hyphens');

const citation = z.strictObject({
  source: z.string().min(1).max(200, 'source ids are at most 200 characters'),
  quote: z.string().min(1).max(300).optional(),
});

/** Every fact cites at least one source. */
const citations = z.array(citation).min(1, 'every fact cites at least one source');

const fact = { citations, inferred: z.boolean().optional() };

const named = { id, name: z.string().min(1), ...fact };

const aliases = z.array(z.string().min(1));

/**
 * A curated role's counterpart in a public taxonomy, as this project's editors map
 * it (the articles name no codes): the counterpart's code, how it matches (SKOS's
 * kinds: `exact`, `close`, `broader` when the counterpart is broader than the role,
 * `narrower`), why, and the editorial source cited for it. Becomes an EQUIVALENT_TO
 * link whenever the counterpart is in the graph (see curated-equivalents.ts).
 */
export const equivalentSchema = z.strictObject({
  code: z.string().regex(/^(ONET_SOC:\d{2}-\d{4}\.\d{2}|ESCO_CODE:\d{4}(\.\d{1,3})*|ISCO:\d{1,4})$/, 'a code such as ONET_SOC:27-4014.00, ESCO_CODE:3521.1.6 or ISCO:3521'),
  match: z.enum(['exact', 'close', 'broader', 'narrower']),
  reason: z.string().min(1),
  citations,
});

/** One schema per kind of fact; the curation mutations validate their inputs with these too. */
export const factSchemas = {
  source: z.strictObject({
    // Bounded as node ids are: the unique index on Source.id refuses a key over about 8 KB, with an error of its own.
    id: z.string().max(200, 'source ids are at most 200 characters').regex(/^[\w.-]+$/, 'source ids are letters, digits, dots, underscores and hyphens'),
    title: z.string().min(1),
    /** A source this project writes itself (its mapping of the roles to public taxonomies), with no document behind it: cited without quotes. */
    editorial: z.literal(true).optional(),
  }),
  role: z.strictObject({
    ...named,
    aliases,
    summary: z.string().min(1).optional(),
    /** Codes of the occupation groups the role's figures describe, as `SYSTEM:code`. */
    externalCodes: z.array(z.string().regex(/^(ONET_SOC|ISCO|ESCO):\S+$/, 'a code such as ONET_SOC:27-4014.00')).optional(),
    /** The role's counterparts in O*NET, ESCO and ISCO-08, as this project maps them. */
    equivalents: z.array(equivalentSchema).optional(),
  }),
  skill: z.strictObject({
    ...named,
    category: z.enum(['creative', 'technical', 'interpersonal', 'organisational']),
    aliases,
    description: z.string().min(1).optional(),
  }),
  responsibility: z.strictObject(named),
  setting: z.strictObject({ ...named, aliases: aliases.optional() }),
  tool: z.strictObject({ ...named, kind: z.enum(['daw', 'hardware', 'software']), aliases: aliases.optional() }),
  education: z.strictObject(named),
  collaborator: z.strictObject({ ...named, aliases: aliases.optional() }),
  salary: z
    .strictObject({
      id,
      role: id,
      median: z.number().positive().optional(),
      low: z.number().positive().optional(),
      high: z.number().positive().optional(),
      currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD'),
      year: z.number().int().min(1900).max(2100).optional(),
      period: z.string().min(1),
      statistic: z.string().min(1),
      provider: z.string().min(1).optional(),
      population: z.string().min(1).optional(),
      note: z.string().min(1).optional(),
      ...fact,
    })
    .refine((s) => s.median !== undefined || (s.low !== undefined && s.high !== undefined), {
      message: 'a salary states a median or a low-high range',
    })
    .refine((s) => s.low === undefined || s.high === undefined || s.low <= s.high, { message: 'low exceeds high' }),
  growth: z.strictObject({
    id,
    role: id,
    percent: z.number(),
    period: z.string().min(1).optional(),
    provider: z.string().min(1).optional(),
    population: z.string().min(1).optional(),
    ...fact,
  }),
  link: z.strictObject({
    type: z.enum(RELATION_TYPES),
    from: id,
    to: id,
    reason: z.string().min(1).optional(),
    /** How important the skill is to the role, 1..5 (O*NET's IM scale); weighs it in the analytic queries. */
    importance: z.number().min(1).max(5).optional(),
    /** The level of the skill the role needs, 0..7 (O*NET's LV scale). */
    level: z.number().min(0).max(7).optional(),
    /** Essential (true) or optional (false) to the role, as ESCO says; weighs it in the analytic queries. */
    essential: z.boolean().optional(),
    ...fact,
  }),
};

export const curatedDatasetSchema = z.strictObject({
  format: z.literal('careers-graph/curated@1'),
  sources: z.array(factSchemas.source).min(1),
  entities: z.strictObject({
    roles: z.array(factSchemas.role),
    skills: z.array(factSchemas.skill),
    responsibilities: z.array(factSchemas.responsibility),
    settings: z.array(factSchemas.setting),
    tools: z.array(factSchemas.tool),
    education: z.array(factSchemas.education),
    collaborators: z.array(factSchemas.collaborator),
  }),
  figures: z.strictObject({
    salaries: z.array(factSchemas.salary),
    growth: z.array(factSchemas.growth),
  }),
  links: z.array(factSchemas.link),
});

export type CuratedDataset = z.infer<typeof curatedDatasetSchema>;
export type CuratedCitation = z.infer<typeof citation>;
