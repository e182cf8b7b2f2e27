import { taxonomyOfRole } from '../../src/analysis/role-profile';
import { boundedName } from '../../src/database/cypher-catalog';
import type { CypherRunner, Row } from '../../src/database/database';
import { pathTypes, PUBLIC_RELATIONS } from '../../src/models/relations';
import { CareerRepository } from '../../src/repositories/career.repository';
import { SeededRandom } from '../support/seeded-random';

/** The queries of the mix, with their share of requests. */
export const MIX = {
  roleDetail: 0.15,
  skillOverlap: 0.2,
  similarRoles: 0.2,
  recommendRoles: 0.15,
  skillGap: 0.1,
  paths: 0.1,
  careerPath: 0.1,
} as const;

export type QueryKind = keyof typeof MIX;
export const QUERY_KINDS = Object.keys(MIX) as QueryKind[];

/** The ids a workload draws its parameters from. */
export interface Pool {
  roles: string[];
  skills: string[];
  /** What a person holds: for each role requiring at least 5 skills, its 10 most salient (or heaviest). */
  profiles: string[][];
}

/** The variants of the benchmark that answer a kind: the peers have no career moves. */
export const PEER_KINDS: readonly QueryKind[] = ['roleDetail', 'skillOverlap', 'similarRoles', 'recommendRoles', 'skillGap', 'paths'];

/** Parameters of one request of a kind (the same for every variant). */
export type Params = Record<string, unknown>;

/**
 * `count` requests of the mix, each kind in its share (MIX, among `kinds`), shuffled
 * with the seed: what the service meets from many users at once.
 */
export function drawMix(kinds: readonly QueryKind[], pool: Pool, count: number, seed: number): { kind: QueryKind; params: Params }[] {
  const total = kinds.reduce((sum, kind) => sum + MIX[kind], 0);
  const requests = kinds.flatMap((kind) => {
    const share = Math.round((count * MIX[kind]) / total);
    return drawParams(kind, pool, share, seed).map((params) => ({ kind, params }));
  });
  const random = new SeededRandom(seed, 'mulberry32');
  for (let i = requests.length - 1; i > 0; i -= 1) {
    const j = random.int(i + 1);
    [requests[i], requests[j]] = [requests[j] as (typeof requests)[number], requests[i] as (typeof requests)[number]];
  }
  return requests;
}

/** `count` parameter sets of a kind, drawn from the pool with the seed. */
export function drawParams(kind: QueryKind, pool: Pool, count: number, seed: number): Params[] {
  const random = new SeededRandom(seed, 'mulberry32');
  const pick = <T>(list: readonly T[]) => list[random.int(list.length)] as T;
  const byTaxonomy = new Map<string, string[]>();
  for (const role of pool.roles) byTaxonomy.set(taxonomyOfRole(role), [...(byTaxonomy.get(taxonomyOfRole(role)) ?? []), role]);
  return Array.from({ length: count }, () => {
    switch (kind) {
      case 'roleDetail':
      case 'similarRoles':
        return { role: pick(pool.roles) };
      case 'skillOverlap':
      case 'skillGap':
      case 'paths':
        return { a: pick(pool.roles), b: pick(pool.roles) };
      case 'careerPath': {
        // A move within the taxonomy: kept neighbours never cross one.
        const a = pick(pool.roles);
        return { a, b: pick(byTaxonomy.get(taxonomyOfRole(a)) ?? pool.roles) };
      }
      case 'recommendRoles':
        return { skills: pool.profiles.length > 0 ? pick(pool.profiles) : Array.from({ length: 10 }, () => pick(pool.skills)) };
    }
  });
}

/** The GraphQL request of a kind: what a client of the service sends. */
export function graphqlRequest(kind: QueryKind, params: Params): { query: string; variables: Params } {
  switch (kind) {
    case 'roleDetail':
      return {
        query: `query RoleDetail($role: ID!) { role(id: $role) { id name skills { skill { id name } } responsibilities { id name }
          settings { id name } relatedRoles { role { id name skills { skill { id name } } } } } }`,
        variables: { role: params.role },
      };
    case 'skillOverlap':
      return {
        query: 'query Overlap($a: ID!, $b: ID!) { skillOverlap(roleA: $a, roleB: $b) { jaccard shared { id name } onlyA { id } onlyB { id } } }',
        variables: params,
      };
    case 'similarRoles':
      return {
        query: 'query Similar($role: ID!) { similarRoles(role: $role, first: 10) { role { id name } score parts { names duties skills } } }',
        variables: params,
      };
    case 'careerPath':
      return {
        query: `query Career($a: ID!, $b: ID!) { careerPath(from: $a, to: $b) { moves { from { id name } to { id name } similarity fit
          carriesOver { id name } toLearn { skill { id name } gain } } } }`,
        variables: params,
      };
    case 'recommendRoles':
      return {
        query: 'query Recommend($skills: [ID!]!) { recommendRoles(skills: $skills, first: 10) { role { id name } score matched { id } missing { id } } }',
        variables: params,
      };
    case 'skillGap':
      return {
        query: 'query Gap($a: ID!, $b: ID!) { skillGap(from: $a, to: $b) { coverage plainCoverage transferable { id name } toLearn { id name } } }',
        variables: params,
      };
    case 'paths':
      return {
        query: 'query Paths($a: ID!, $b: ID!) { paths(from: $a, to: $b, maxHops: 4, first: 3) { length steps { from to relation } } }',
        variables: params,
      };
  }
}

/**
 * The request of a kind to the @neo4j/graphql peer (scripts/bench/neo4j-graphql-server.ts):
 * the same selection in that library's schema, whose analytic fields take the catalog
 * statements' own parameters.
 */
export function neo4jGraphqlRequest(kind: QueryKind, params: Params): { query: string; variables: Params } {
  switch (kind) {
    case 'roleDetail':
      return {
        query: `query RoleDetail($role: ID!) { roles(where: { id: { eq: $role } }) { id name skills { id name } responsibilities { id name }
          settings { id name } relatedRoles { id name skills { id name } } } }`,
        variables: { role: params.role },
      };
    case 'skillOverlap':
      return {
        query: `query Overlap($roles: [ID!]!) { skillOverlap(roleIds: $roles, type: "REQUIRES_SKILL") {
          jaccard shared { id name } positions { only { id } } } }`,
        variables: { roles: [params.a, params.b] },
      };
    case 'similarRoles':
      return {
        query: 'query Similar($role: ID!) { similarRoles(roleId: $role, first: 10) { role { id name } score } }',
        variables: params,
      };
    case 'careerPath':
      throw new Error('the @neo4j/graphql peer has no career moves');
    case 'recommendRoles':
      return {
        query: 'query Recommend($skills: [ID!]!) { recommendRoles(skillIds: $skills, first: 10) { role { id name } score matched { id } missing { id } } }',
        variables: params,
      };
    case 'skillGap':
      return {
        query: 'query Gap($a: ID!, $b: ID!) { skillGap(fromId: $a, toId: $b) { coverage plainCoverage transferable { id name } toLearn { id name } } }',
        variables: params,
      };
    case 'paths':
      return {
        query: `query Paths($a: ID!, $b: ID!, $types: [String!]!, $parallelTypes: [String!]!) { paths(fromId: $a, toId: $b, types: $types, parallelTypes: $parallelTypes, maxHops: 4, first: 3) {
          nodes { node { id } label } hops { type forward } } }`,
        variables: { ...params, ...pathTypes(PUBLIC_RELATIONS) },
      };
  }
}

/** The properties every query of the mix selects of the nodes it lists. */
const brief = ['id', 'name'];
/** The projection parameters the service passes for the mix's analytic queries (see PLACES in overlap.resolvers.ts). */
const briefProjection = (items: 'itemProperties' | 'skillProperties') => ({ roleProperties: brief, [items]: brief });

/**
 * The floor's statements for a kind: the same catalog statements, with the same
 * parameters, that the service runs for the GraphQL request above.
 */
export async function floorStatements(run: CypherRunner, kind: QueryKind, params: Params): Promise<Row[]> {
  switch (kind) {
    case 'roleDetail':
      // What Query.role sends for the selection of graphqlRequest('roleDetail'): the facts
      // selected of the role and of its related roles, with the far nodes' id and name
      // and none of the relationships' properties.
      return run.read('role-with-links', {
        id: params.role,
        keys: ['REQUIRES_SKILL', 'HAS_RESPONSIBILITY', 'WORKS_IN', 'RELATED_TO'].map((type) => ({ type, properties: brief, linkProperties: [] })),
        relatedKeys: [{ type: 'REQUIRES_SKILL', properties: brief, linkProperties: [] }],
      });
    case 'skillOverlap':
      return run.read('overlap', { roleIds: [params.a, params.b], type: 'REQUIRES_SKILL', ...briefProjection('itemProperties') });
    case 'similarRoles':
      return run.read('similar-roles-profile', { roleId: params.role, metric: 'PROFILE', first: 10, overlap: false, ...briefProjection('skillProperties') });
    case 'careerPath': {
      // What Query.careerPath runs for the selection above, with the schema's defaults.
      const options = { from: params.a as string, to: params.b as string, maxMoves: 3, minSimilarity: 0.2, maxJobZoneStep: 1, includeCommonSkills: false, skillsPerMove: 5 };
      const { moves } = await new CareerRepository(run).careerPath(options, { roles: brief, items: brief });
      return moves ? [{ moves }] : [];
    }
    case 'recommendRoles':
      return run.read('recommend-roles', { skillIds: params.skills, weights: (params.skills as string[]).map(() => 1), only: null, filter: null, first: 10, ...briefProjection('skillProperties') });
    case 'skillGap':
      return run.read('skill-gap', { fromId: params.a, toId: params.b, ...briefProjection('skillProperties') });
    case 'paths':
      return run.read(boundedName('paths-between', 4), { fromId: params.a, toId: params.b, ...pathTypes(PUBLIC_RELATIONS), maxHops: 4, first: 3 });
  }
}
