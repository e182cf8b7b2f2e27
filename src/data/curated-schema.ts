import { z } from 'zod';
import { LINK_TYPE_NAMES } from '../models/link-types';

/**
 * The curated dataset format, `careers-graph/curated@1` (data/curated/*.json).
 * Structural rules live here; rules that span the document (unique ids, link
 * endpoints, quotes found in the sources) are in validate-curated.ts.
 */

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are lowercase words joined by hyphens');

const citation = z.strictObject({
  source: z.string().min(1),
  quote: z.string().min(1).max(300).optional(),
});

/** Every fact cites at least one source. */
const citations = z.array(citation).min(1, 'every fact cites at least one source');

const fact = { citations, inferred: z.boolean().optional() };

const named = { id, name: z.string().min(1), ...fact };

export const curatedDatasetSchema = z.strictObject({
  format: z.literal('careers-graph/curated@1'),
  sources: z.array(z.strictObject({ id: z.string().regex(/^[\w.-]+$/), title: z.string().min(1) })).min(1),
  entities: z.strictObject({
    roles: z.array(z.strictObject({ ...named, aliases: z.array(z.string().min(1)), summary: z.string().min(1).optional() })),
    skills: z.array(
      z.strictObject({
        ...named,
        category: z.enum(['creative', 'technical', 'interpersonal', 'organisational']),
        aliases: z.array(z.string().min(1)),
        description: z.string().min(1).optional(),
      }),
    ),
    responsibilities: z.array(z.strictObject(named)),
    settings: z.array(z.strictObject({ ...named, aliases: z.array(z.string().min(1)).optional() })),
    tools: z.array(
      z.strictObject({ ...named, kind: z.enum(['daw', 'hardware', 'software']), aliases: z.array(z.string().min(1)).optional() }),
    ),
    education: z.array(z.strictObject(named)),
    collaborators: z.array(z.strictObject({ ...named, aliases: z.array(z.string().min(1)).optional() })),
  }),
  figures: z.strictObject({
    salaries: z.array(
      z
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
    ),
    growth: z.array(
      z.strictObject({
        id,
        role: id,
        percent: z.number(),
        period: z.string().min(1).optional(),
        provider: z.string().min(1).optional(),
        population: z.string().min(1).optional(),
        ...fact,
      }),
    ),
  }),
  links: z.array(
    z.strictObject({
      type: z.enum(LINK_TYPE_NAMES),
      from: id,
      to: id,
      reason: z.string().min(1).optional(),
      ...fact,
    }),
  ),
});

export type CuratedDataset = z.infer<typeof curatedDatasetSchema>;
export type CuratedCitation = z.infer<typeof citation>;
