import DataLoader from 'dataloader';
import type { EquivalentFiguresRecord, NodeRecord, LinkRecord, RoleDetailsRecord, SourceRecord } from '../models/records';
import { roleLinksKey, type RoleLinksKey } from '../repositories/role.repository';
import { NO_SKILL_HIERARCHY, type OccupationGroupNeighbours, type SkillHierarchyNeighbours } from '../repositories/node.repository';
import type { Repositories } from '../repositories/repositories';

/**
 * Per-request batching: every load of one kind made while resolving one level of
 * the query becomes a single Cypher statement, so round trips grow with the
 * query's depth, never with the number of items returned.
 */
export interface Loaders {
  node: DataLoader<string, NodeRecord | null>;
  roleDetails: DataLoader<string, RoleDetailsRecord | null>;
  /** One type of a role's facts: the Role fields a query selects, for every role at that level, in one statement. */
  roleLinks: DataLoader<RoleLinksKey, LinkRecord[], string>;
  rolesPointingAt: DataLoader<string, NodeRecord[]>;
  /** The BLS figures each role reaches through its equivalents (Role.equivalentFigures). */
  equivalentFigures: DataLoader<string, EquivalentFiguresRecord[]>;
  occupationGroupNeighbours: DataLoader<string, OccupationGroupNeighbours>;
  skillHierarchy: DataLoader<string, SkillHierarchyNeighbours>;
  source: DataLoader<string, SourceRecord | null>;
}

export function createLoaders(repositories: Repositories): Loaders {
  return {
    node: new DataLoader(async (ids) => inKeyOrder(ids, await repositories.nodes.findByIds(ids), null)),
    roleDetails: new DataLoader(async (ids) => inKeyOrder(ids, await repositories.roles.detailsByIds(ids), null)),
    roleLinks: new DataLoader(
      async (keys) => {
        const found = await repositories.roles.linksByKeys(keys);
        return keys.map((key) => found.get(roleLinksKey(key)) ?? []);
      },
      { cacheKeyFn: roleLinksKey },
    ),
    rolesPointingAt: new DataLoader(async (ids) => inKeyOrder(ids, await repositories.nodes.rolesPointingAt(ids), [])),
    equivalentFigures: new DataLoader(async (ids) => inKeyOrder(ids, await repositories.roles.equivalentFiguresByIds(ids), [])),
    occupationGroupNeighbours: new DataLoader(async (ids) =>
      inKeyOrder(ids, await repositories.nodes.occupationGroupNeighbours(ids), { broader: null, narrower: [] }),
    ),
    skillHierarchy: new DataLoader(async (ids) => inKeyOrder(ids, await repositories.nodes.skillHierarchyNeighbours(ids), NO_SKILL_HIERARCHY)),
    source: new DataLoader(async (ids) => inKeyOrder(ids, await repositories.sources.findByIds(ids), null)),
  };
}

function inKeyOrder<V, F>(keys: readonly string[], found: Map<string, V>, missing: F): (V | F)[] {
  return keys.map((key) => found.get(key) ?? missing);
}
