import { boundedName } from '../database/cypher-catalog';
import type { CypherRunner } from '../database/database';
import { pathTypes, type RelationType } from '../models/relations';
import type { CitationRecord, NodeRecord } from '../models/records';
import { toCitations, toNode } from './row-mapping';

type Properties = Record<string, unknown>;

/** One relationship of a hop, seen from the hop's start. */
export interface HopLinkRecord {
  type: RelationType;
  /** True when the relationship points from the hop's start to its end. */
  forward: boolean;
  reason: string | null;
  citations: CitationRecord[];
  inferred: boolean;
}

export interface PathRecord {
  nodes: NodeRecord[];
  /** hops[i] joins nodes[i] and nodes[i + 1]. */
  hops: HopLinkRecord[][];
}

export interface SubgraphRecord {
  found: boolean;
  nodes: { node: NodeRecord; depth: number }[];
  edges: { from: string; to: string; relation: string }[];
  truncated: boolean;
}

/** Connections between nodes: paths and neighbourhoods. One statement each. */
export class PathRepository {
  constructor(private readonly run: CypherRunner) {}

  async paths(
    fromId: string,
    toId: string,
    types: readonly RelationType[],
    maxHops: number,
    first: number,
  ): Promise<{ fromFound: boolean; toFound: boolean; paths: PathRecord[] }> {
    // The variant bounded at maxHops: the search stops there rather than going on to 6 hops.
    const [row] = await this.run.read(boundedName('paths-between', maxHops), { fromId, toId, ...pathTypes(types), maxHops, first });
    const paths = ((row?.paths as { nodes: { node: Properties; label: string }[]; hops: Properties[][] }[]) ?? []).map(
      (path) => ({
        nodes: path.nodes.map(({ node, label }) => toNode(node, label)),
        hops: path.hops.map((links) =>
          links.map((link) => {
            const properties = link.link as Properties;
            return {
              type: link.type as RelationType,
              forward: link.forward === true,
              reason: typeof properties.reason === 'string' ? properties.reason : null,
              citations: toCitations(properties),
              inferred: properties.inferred === true,
            };
          }),
        ),
      }),
    );
    return { fromFound: row?.fromFound === true, toFound: row?.toFound === true, paths };
  }

  async neighborhood(id: string, depth: number, limit: number): Promise<SubgraphRecord> {
    const [row] = await this.run.read('neighborhood', { id, depth, limit });
    return {
      found: row?.found === true,
      nodes: ((row?.nodes as { node: Properties; label: string; depth: number }[]) ?? []).map((node) => ({
        node: toNode(node.node, node.label),
        depth: Number(node.depth),
      })),
      edges: (row?.edges as SubgraphRecord['edges']) ?? [],
      truncated: row?.truncated === true,
    };
  }
}
