import { DateTimeResolver, JSONObjectResolver } from 'graphql-scalars';
import { z } from 'zod';
import { factSchemas } from '../../data/curated-schema';
import { nodeRow, growthRows, linkRow, salaryRows, toGraphRows } from '../../data/to-graph-rows';
import { CuratedDataError, validateCurated } from '../../data/validate-curated';
import { AppError } from '../../errors/app-error';
import { ErrorCode } from '../../errors/error-code';
import type { Resolvers } from '../../generated/graphql';
import type { NodeWriteRecord } from '../../models/records';
import type { NodeLabel } from '../../models/node-labels';
import { PUBLIC_RELATIONS, RELATIONS } from '../../models/relations';
import type { WriteContext } from '../../repositories/curation.repository';
import type { Context } from '../context';
import { idArg, parseArgs } from '../parse-args';

/**
 * The curator making the request, or UNAUTHENTICATED. The server refuses
 * mutations without a curator before execution (see src/server/curation.plugin.ts); this
 * second check keeps every resolver safe on its own and names the actor.
 */
function writer(context: Context): WriteContext {
  if (!context.curator) {
    throw new AppError(ErrorCode.UNAUTHENTICATED, 'Mutations need the header Authorization: Bearer <token>.', { http: { status: 401 } });
  }
  return { actor: context.curator.name, operation: context.operation.name };
}

/**
 * GraphQL gives absent optional fields as null or undefined and enums in capitals;
 * the dataset schemas (shared with the curated file) want absent keys and lowercase
 * categories and kinds.
 */
function normalise(input: Record<string, unknown>): Record<string, unknown> {
  const output: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === null || value === undefined) continue;
    if (key === 'citations' && Array.isArray(value)) output[key] = value.map((citation) => normalise(citation as Record<string, unknown>));
    else if ((key === 'category' || key === 'kind') && typeof value === 'string') output[key] = value.toLowerCase();
    else output[key] = value;
  }
  return output;
}

const inputOf = <S extends z.ZodType>(schema: S) => z.object({ input: z.preprocess((value) => normalise(value as Record<string, unknown>), schema) });

function upsertNodeMutation(label: NodeLabel, schema: z.ZodType) {
  const args = inputOf(schema);
  return async (_parent: unknown, raw: unknown, context: Context): Promise<NodeWriteRecord> => {
    const { input } = parseArgs(args, raw) as { input: Parameters<typeof nodeRow>[1] };
    const actor = writer(context);
    return context.curation.upsertNode({ sources: [], nodes: [nodeRow(label, input)], links: [] }, actor);
  };
}

const salaryArgs = inputOf(factSchemas.salary);
const growthArgs = inputOf(factSchemas.growth);
const sourceArgs = inputOf(factSchemas.source);
const linkArgs = inputOf(
  factSchemas.link
    .extend({ type: z.enum(PUBLIC_RELATIONS) })
    .superRefine((link, context) => {
      if (RELATIONS[link.type].needsReason && link.reason === undefined) {
        context.addIssue({ code: 'custom', message: `${link.type} needs a reason`, path: ['reason'] });
      }
    })
    .refine(
      (link) =>
        RELATIONS[link.type].weighted || [link.importance, link.level, link.essential].every((value) => value === undefined),
      { message: 'weighs skill requirements only', path: ['importance'] },
    ),
);
const idArgs = z.object({ id: idArg });
const unlinkArgs = z.object({ type: z.enum(PUBLIC_RELATIONS), from: idArg, to: idArg });
const importArgs = z.object({ document: z.record(z.string(), z.unknown()), dryRun: z.boolean().nullish() });

/** The most problems an import error lists in `extensions.problems`. */
const MAX_REPORTED_PROBLEMS = 50;

export const curationResolvers: Resolvers = {
  DateTime: DateTimeResolver,
  JSONObject: JSONObjectResolver,
  Mutation: {
    upsertSource: async (_parent, raw, context) => {
      const { input } = parseArgs(sourceArgs, raw);
      const result = await context.curation.upsertSource(input, writer(context));
      return { ...result, source: input };
    },
    deleteSource: async (_parent, raw, context) => context.curation.deleteSource(parseArgs(idArgs, raw).id, writer(context)),
    upsertRole: upsertNodeMutation('Role', factSchemas.role),
    upsertSkill: upsertNodeMutation('Skill', factSchemas.skill),
    upsertResponsibility: upsertNodeMutation('Responsibility', factSchemas.responsibility),
    upsertSetting: upsertNodeMutation('Setting', factSchemas.setting),
    upsertTool: upsertNodeMutation('Tool', factSchemas.tool),
    upsertEducation: upsertNodeMutation('Education', factSchemas.education),
    upsertCollaborator: upsertNodeMutation('Collaborator', factSchemas.collaborator),
    upsertSalaryFigure: async (_parent, raw, context) => {
      const { input } = parseArgs(salaryArgs, raw);
      const { node, link } = salaryRows(input);
      return context.curation.upsertNode({ sources: [], nodes: [node], links: [link] }, writer(context));
    },
    upsertGrowthFigure: async (_parent, raw, context) => {
      const { input } = parseArgs(growthArgs, raw);
      const { node, link } = growthRows(input);
      return context.curation.upsertNode({ sources: [], nodes: [node], links: [link] }, writer(context));
    },
    link: async (_parent, raw, context) => {
      const { input } = parseArgs(linkArgs, raw);
      const result = await context.curation.link({ sources: [], nodes: [], links: [linkRow(input)] }, writer(context));
      return { ...result, type: input.type, from: input.from, to: input.to };
    },
    unlink: async (_parent, raw, context) => {
      const { type, from, to } = parseArgs(unlinkArgs, raw);
      const outcome = await context.curation.unlink(type, from, to, writer(context));
      return { outcome, type, from, to, lastChange: null };
    },
    deleteNode: async (_parent, raw, context) => context.curation.deleteNode(parseArgs(idArgs, raw).id, writer(context)),
    importDataset: async (_parent, raw, context) => {
      const { document, dryRun } = parseArgs(importArgs, raw);
      const actor = writer(context);
      let dataset;
      try {
        dataset = validateCurated(document, 'document');
      } catch (error) {
        if (!(error instanceof CuratedDataError)) throw error;
        throw new AppError(ErrorCode.BAD_USER_INPUT, `The document breaks ${error.problems.length} rule(s) of the curated format; nothing was written.`, {
          argument: 'document',
          problems: error.problems.slice(0, MAX_REPORTED_PROBLEMS),
        });
      }
      const report = await context.curation.importDataset(toGraphRows(dataset), dryRun ?? false, actor);
      return { dryRun: dryRun ?? false, sources: report.sources, nodes: report.nodes, links: report.links };
    },
  },
  NodeWrite: {
    node: async (write, _args, { loaders }) => {
      const node = await loaders.node.load(write.id);
      if (!node) throw new Error(`node ${write.id} was written but cannot be read back`);
      return node;
    },
  },
};
