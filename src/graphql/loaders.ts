import DataLoader from 'dataloader';
import type { EntityRecord, RoleDetailsRecord, SourceRecord } from '../models/records';
import type { Repositories } from './repositories';

/**
 * Per-request batching: every load of one kind made while resolving one level of
 * the query becomes a single Cypher statement, so round trips grow with the
 * query's depth, never with the number of items returned.
 */
export interface Loaders {
  entity: DataLoader<string, EntityRecord | null>;
  roleDetails: DataLoader<string, RoleDetailsRecord | null>;
  rolesPointingAt: DataLoader<string, EntityRecord[]>;
  source: DataLoader<string, SourceRecord | null>;
  sourceFactCount: DataLoader<string, number>;
}

export function createLoaders(repositories: Repositories): Loaders {
  return {
    entity: new DataLoader(async (ids) => inKeyOrder(ids, await repositories.entities.findByIds(ids), null)),
    roleDetails: new DataLoader(async (ids) => inKeyOrder(ids, await repositories.roles.detailsByIds(ids), null)),
    rolesPointingAt: new DataLoader(async (ids) => inKeyOrder(ids, await repositories.entities.rolesPointingAt(ids), [])),
    source: new DataLoader(async (ids) => inKeyOrder(ids, await repositories.sources.findByIds(ids), null)),
    sourceFactCount: new DataLoader(async (ids) => inKeyOrder(ids, await repositories.sources.factCounts(ids), 0)),
  };
}

function inKeyOrder<V, F>(keys: readonly string[], found: Map<string, V>, missing: F): (V | F)[] {
  return keys.map((key) => found.get(key) ?? missing);
}
