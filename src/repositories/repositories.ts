import type { CypherRunner } from '../database/database';
import { CareerRepository } from './career.repository';
import { NodeRepository } from './node.repository';
import { OverlapRepository } from './overlap.repository';
import { PathRepository } from './path.repository';
import { RoleRepository } from './role.repository';
import { SearchRepository } from './search.repository';
import { SourceRepository } from './source.repository';

/** The repositories one request uses, all sharing its runner (and so its counters). */
export interface Repositories {
  careers: CareerRepository;
  nodes: NodeRepository;
  overlap: OverlapRepository;
  paths: PathRepository;
  roles: RoleRepository;
  search: SearchRepository;
  sources: SourceRepository;
}

export function createRepositories(run: CypherRunner): Repositories {
  return {
    careers: new CareerRepository(run),
    nodes: new NodeRepository(run),
    overlap: new OverlapRepository(run),
    paths: new PathRepository(run),
    roles: new RoleRepository(run),
    search: new SearchRepository(run),
    sources: new SourceRepository(run),
  };
}
