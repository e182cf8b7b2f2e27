/**
 * The naive peer of the benchmark: the service's own GraphQL schema with a resolver
 * per field and no batching, the way a first GraphQL server over Neo4j is often
 * written. Each object is loaded by its own statement when a field needs it
 * (Query.role, then Role.skills, then RoleSkill.skill once per skill, ...), so a
 * nested selection costs one database round trip per object (the N+1 pattern the
 * service's DataLoaders and single-statement reads avoid). The analytic queries run
 * the service's catalog statements for their ranking, then load every role and
 * skill they return on its own. Same HTTP stack as the service (Apollo Server on
 * Express), without its limits and logs.
 *
 * Prints `NAIVE_READY http://127.0.0.1:<port>/graphql` once it listens.
 */
import { ApolloServer } from '@apollo/server';
import { boundedName, loadCypherCatalog, type StatementName } from '../../src/database/cypher-catalog';
import { pathTypes, PUBLIC_RELATIONS } from '../../src/models/relations';
import { loadTypeDefs } from '../../src/graphql/load-type-defs';
import { driver, servePeer } from './peer-server';
const catalog = loadCypherCatalog();

type Row = Record<string, unknown>;
type Node = Row & { id: string };

async function rows(cypher: string, params: Row): Promise<Row[]> {
  const result = await driver.executeQuery(cypher, params, { database: 'neo4j', routing: 'READ' });
  return result.records.map((record) => record.toObject());
}
const catalogRows = (name: StatementName, params: Row) => rows(catalog[name], params);

/** One node by id, in a statement of its own (deliberately not batched). */
async function nodeById(id: string): Promise<Node | null> {
  const [row] = await rows('MATCH (n:Node {id: $id}) RETURN n {.*, label: [l IN labels(n) WHERE l <> "Node"][0]} AS n', { id });
  return (row?.n as Node | undefined) ?? null;
}
/** Ids at the far end of one relationship type from a node, in a statement of its own. */
async function targets(id: string, type: string, undirected = false): Promise<string[]> {
  const pattern = undirected ? '(n:Node {id: $id})-[:$($type)]-(t:Node)' : '(n:Node {id: $id})-[:$($type)]->(t:Node)';
  return (await rows(`MATCH ${pattern} RETURN DISTINCT t.id AS id`, { id, type })).map((row) => String(row.id));
}
const load = (ids: string[]) => ids.map((id) => nodeById(id));
/** The analytic statements return nodes as [name, value] pairs of the properties asked for; the naive resolvers ask for ids only. */
const onlyIds = (items: 'itemProperties' | 'skillProperties') => ({ roleProperties: ['id'], [items]: ['id'] });
const idOf = (pairs: unknown) => String((Object.fromEntries(pairs as [string, unknown][]) as { id: unknown }).id);
const idsOf = (list: unknown) => (list as unknown[]).map(idOf);

const resolvers = {
  Node: { __resolveType: (node: Node) => node.label },
  Query: {
    role: (_: unknown, args: { id: string }) => nodeById(args.id),
    skillOverlap: async (_: unknown, args: { roleA: string; roleB: string }) => {
      const [row] = await catalogRows('overlap', { roleIds: [args.roleA, args.roleB], type: 'REQUIRES_SKILL', ...onlyIds('itemProperties') });
      const positions = row?.positions as { only: unknown[] }[];
      return {
        roleA: args.roleA,
        roleB: args.roleB,
        shared: idsOf(row?.shared),
        onlyA: idsOf(positions[0]?.only),
        onlyB: idsOf(positions[1]?.only),
        jaccard: row?.jaccard,
      };
    },
    similarRoles: async (_: unknown, args: { role: string; first: number; metric?: string | null }) => {
      const statement = (args.metric ?? 'PROFILE') === 'PROFILE' ? 'similar-roles-profile' : 'similar-roles';
      const [row] = await catalogRows(statement, { roleId: args.role, metric: args.metric ?? 'PROFILE', first: args.first, overlap: true, ...onlyIds('skillProperties') });
      return ((row?.matches as Row[] | undefined) ?? []).map((match) => ({ ...match, role: idOf(match.role), shared: idsOf(match.shared) }));
    },
    recommendRoles: async (_: unknown, args: { skills: string[]; first: number }) => {
      const [row] = await catalogRows('recommend-roles', { skillIds: args.skills, weights: args.skills.map(() => 1), only: null, filter: null, first: args.first, ...onlyIds('skillProperties') });
      return ((row?.recommendations as Row[] | undefined) ?? []).map((match) => ({
        role: idOf(match.role),
        score: match.score,
        matched: idsOf(match.matched),
        missing: idsOf(match.missing),
      }));
    },
    skillGap: async (_: unknown, args: { from: string; to: string }) => {
      const [row] = await catalogRows('skill-gap', { fromId: args.from, toId: args.to, ...onlyIds('skillProperties') });
      return {
        from: args.from,
        to: args.to,
        transferable: idsOf(row?.transferable),
        toLearn: idsOf(row?.toLearn),
        coverage: row?.coverage,
        plainCoverage: row?.plainCoverage,
      };
    },
    paths: async (_: unknown, args: { from: string; to: string; maxHops: number; first: number }) => {
      const [row] = await catalogRows(boundedName('paths-between', args.maxHops), { fromId: args.from, toId: args.to, ...pathTypes(PUBLIC_RELATIONS), maxHops: args.maxHops, first: args.first });
      return ((row?.paths as { nodes: { node: Node }[]; hops: { type: string }[][] }[] | undefined) ?? []).map((found) => ({
        length: found.hops.length,
        steps: found.hops.map((links, hop) => ({
          from: found.nodes[hop]?.node.id,
          to: found.nodes[hop + 1]?.node.id,
          relation: links[0]?.type,
        })),
      }));
    },
  },
  Role: {
    skills: async (role: Node) => (await targets(role.id, 'REQUIRES_SKILL')).map((id) => ({ skill: id })),
    responsibilities: async (role: Node) => Promise.all(load(await targets(role.id, 'HAS_RESPONSIBILITY'))),
    settings: async (role: Node) => Promise.all(load(await targets(role.id, 'WORKS_IN'))),
    relatedRoles: async (role: Node) => (await targets(role.id, 'RELATED_TO', true)).map((id) => ({ role: id })),
  },
  RoleSkill: { skill: (link: { skill: string }) => nodeById(link.skill) },
  RelatedRole: { role: (link: { role: string }) => nodeById(link.role) },
  SkillOverlap: {
    roleA: (overlap: { roleA: string }) => nodeById(overlap.roleA),
    roleB: (overlap: { roleB: string }) => nodeById(overlap.roleB),
    shared: (overlap: { shared: string[] }) => load(overlap.shared),
    onlyA: (overlap: { onlyA: string[] }) => load(overlap.onlyA),
    onlyB: (overlap: { onlyB: string[] }) => load(overlap.onlyB),
  },
  RoleMatch: {
    role: (match: { role: string }) => nodeById(match.role),
    sharedSkills: (match: { shared: Node[] }) => load(match.shared.map((node) => node.id)),
  },
  RoleRecommendation: {
    role: (match: { role: string }) => nodeById(match.role),
    matched: (match: { matched: string[] }) => load(match.matched),
    missing: (match: { missing: string[] }) => load(match.missing),
  },
  SkillGap: {
    from: (gap: { from: string }) => nodeById(gap.from),
    to: (gap: { to: string }) => nodeById(gap.to),
    transferable: (gap: { transferable: string[] }) => load(gap.transferable),
    toLearn: (gap: { toLearn: string[] }) => load(gap.toLearn),
  },
};

servePeer('naive', 'NAIVE', async () => new ApolloServer({ typeDefs: loadTypeDefs(), resolvers }));
