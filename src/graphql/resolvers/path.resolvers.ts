import { z } from 'zod';
import type { Resolvers } from '../../generated/graphql';
import { notFound } from '../../errors/not-found';
import type { NodeRecord } from '../../models/records';
import { PUBLIC_RELATIONS } from '../../models/relations';
import { explainPath, explainSteps } from '../explain-path';
import { idArg, parseArgs } from '../parse-args';

const pathsArgs = z.object({
  from: idArg,
  to: idArg,
  maxHops: z.number().int().min(1, 'must be at least 1').max(6, 'must be at most 6'),
  first: z.number().int().min(1, 'must be at least 1').max(10, 'must be at most 10'),
  via: z.array(z.enum(PUBLIC_RELATIONS)).min(1, 'must name at least one relation').nullish(),
});
const neighborhoodArgs = z.object({
  id: idArg,
  depth: z.number().int().min(1, 'must be at least 1').max(3, 'must be at most 3'),
  limit: z.number().int().min(1, 'must be at least 1').max(500, 'must be at most 500'),
});

/** What to print on a node: its name, or for a figure its amount. */
function labelOf(node: NodeRecord): string {
  if (node.label === 'SalaryFigure') {
    const amount = node.median ?? `${node.low ?? '?'}–${node.high ?? '?'}`;
    return `${amount} ${node.currency ?? ''} (${node.statistic ?? 'salary'})`.trim();
  }
  if (node.label === 'GrowthFigure') return `${node.percent ?? '?'}% growth${node.period ? ` (${node.period})` : ''}`;
  return node.name ?? node.id;
}

/** Path questions: explained connections between two nodes, and a node's neighbourhood. */
export const pathResolvers: Resolvers = {
  Query: {
    paths: async (_parent, args, { repositories, loaders }) => {
      const { from, to, maxHops, first, via } = parseArgs(pathsArgs, args);
      if (from === to) {
        const node = await loaders.node.load(from);
        if (!node) throw notFound('node', [from]);
        return [{ length: 0, nodes: [node], steps: [], explanation: `${labelOf(node)}.` }];
      }
      const result = await repositories.paths.paths(from, to, via ?? PUBLIC_RELATIONS, maxHops, first);
      const missing = [...(result.fromFound ? [] : [from]), ...(result.toFound ? [] : [to])];
      if (missing.length > 0) throw notFound('node', missing);
      return result.paths
        .map((path) => {
          const steps = explainSteps(path);
          return { length: steps.length, nodes: path.nodes, steps, explanation: explainPath(path, steps) };
        })
        .sort((a, b) => a.length - b.length);
    },
    neighborhood: async (_parent, args, { repositories }) => {
      const { id, depth, limit } = parseArgs(neighborhoodArgs, args);
      const subgraph = await repositories.paths.neighborhood(id, depth, limit);
      if (!subgraph.found) throw notFound('node', [id]);
      return {
        nodes: subgraph.nodes.map(({ node, depth: hops }) => ({ id: node.id, kind: node.label, label: labelOf(node), depth: hops })),
        edges: subgraph.edges,
        truncated: subgraph.truncated,
      };
    },
  },
};
