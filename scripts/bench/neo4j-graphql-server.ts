/**
 * The @neo4j/graphql peer of the benchmark: the Neo4j GraphQL Library (version 7)
 * over the same database, with a schema equivalent to the service's for the
 * queries of the mix. Nodes and relationships are the library's own (@node,
 * @relationship), so role detail is what it generates from the selection; the
 * analytic queries are @cypher fields whose statements are the service's own
 * catalog statements (cypher/queries), wrapped to return one column, and whose
 * arguments are those statements' parameters. It runs on the same HTTP stack as
 * the service (Apollo Server on Express) without the service's limits and logs.
 *
 * Prints `NEO4J_GRAPHQL_READY http://127.0.0.1:<port>/graphql` once it listens.
 */
import { ApolloServer } from '@apollo/server';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { loadCypherCatalog, type QueryName } from '../../src/database/cypher-catalog';
import { driver, servePeer } from './peer-server';
const catalog = loadCypherCatalog();

/**
 * The service's analytic statements return each node as [name, value] pairs of the
 * properties the query selects. Here the library projects the selected fields itself
 * from whole maps, as its users' @cypher fields would return them: every
 * `[p IN coalesce($xProperties, keys(n)) | [p, n[p]]]` becomes `properties(n)`.
 */
const PROJECTION = /\[p IN coalesce\(\$\w+Properties, keys\(([\w.]+)\)\) \| \[p, \1\[p\]\]\]/g;

/**
 * A catalog statement as a @cypher statement: run as a subquery, its one row is
 * turned into the field's one column, either a map of its columns or, for list
 * fields, one row per element of a list column. Triple quotes delimit it in SDL.
 */
function wrapped(name: QueryName, result: string, fixed: Record<string, string> = {}): string {
  let text = catalog[name].replace(PROJECTION, 'properties($1)');
  for (const [parameter, literal] of Object.entries(fixed)) text = text.replace(new RegExp(`\\$${parameter}\\b`, 'g'), literal);
  if (text.includes('"""')) throw new Error(`${name} cannot be embedded in SDL`);
  if (/\$\w+Properties\b/.test(text.replace(/\/\/.*$/gm, ''))) throw new Error(`${name} has a projection this peer does not rewrite`);
  return `CALL () {\n${text}\n}\n${result}`;
}

/**
 * The peer's recommendRoles takes skills only, as the mix asks: each weighs 1, with no
 * role list and no filter, so those parameters of the statement are fixed.
 */
const RECOMMEND_FIXED = { weights: '[s IN $skillIds | 1.0]', only: 'null', filter: 'null' };

const typeDefs = /* GraphQL */ `
  type Role @node(labels: ["Role", "Node"]) {
    id: ID!
    name: String
    skills: [Skill!]! @relationship(type: "REQUIRES_SKILL", direction: OUT)
    responsibilities: [Responsibility!]! @relationship(type: "HAS_RESPONSIBILITY", direction: OUT)
    settings: [Setting!]! @relationship(type: "WORKS_IN", direction: OUT)
    relatedRoles: [Role!]! @relationship(type: "RELATED_TO", direction: OUT, queryDirection: UNDIRECTED)
  }
  type Skill @node(labels: ["Skill", "Node"]) {
    id: ID!
    name: String
  }
  type Responsibility @node(labels: ["Responsibility", "Node"]) {
    id: ID!
    name: String
  }
  type Setting @node(labels: ["Setting", "Node"]) {
    id: ID!
    name: String
  }

  type Ref {
    id: ID!
    name: String
  }
  type OverlapPosition {
    role: Ref
    only: [Ref!]!
  }
  type Overlap {
    missing: [ID!]!
    positions: [OverlapPosition!]!
    shared: [Ref!]!
    jaccard: Float!
  }
  type SimilarRole {
    role: Ref!
    score: Float!
    jaccard: Float!
    weightedJaccard: Float!
    shared: [Ref!]!
  }
  type Recommendation {
    role: Ref!
    score: Float!
    matched: [Ref!]!
    missing: [Ref!]!
  }
  type SkillGap {
    fromRole: Ref
    toRole: Ref
    transferable: [Ref!]!
    toLearn: [Ref!]!
    coverage: Float!
    plainCoverage: Float!
  }
  type PathNode {
    node: Ref!
    label: String!
  }
  type PathHop {
    type: String!
    forward: Boolean!
  }
  type PathResult {
    nodes: [PathNode!]!
    hops: [[PathHop!]!]!
  }

  type Query {
    skillOverlap(roleIds: [ID!]!, type: String!): Overlap
      @cypher(statement: """${wrapped('overlap', 'RETURN {missing: missing, positions: positions, shared: shared, jaccard: jaccard} AS result')}""", columnName: "result")
    similarRoles(roleId: ID!, first: Int!): [SimilarRole!]!
      @cypher(statement: """${wrapped('similar-roles-profile', 'UNWIND matches AS result RETURN result', { overlap: 'true' })}""", columnName: "result")
    recommendRoles(skillIds: [ID!]!, first: Int!): [Recommendation!]!
      @cypher(statement: """${wrapped('recommend-roles', 'UNWIND recommendations AS result RETURN result', RECOMMEND_FIXED)}""", columnName: "result")
    skillGap(fromId: ID!, toId: ID!): SkillGap
      @cypher(statement: """${wrapped('skill-gap', 'RETURN {fromRole: fromRole, toRole: toRole, transferable: transferable, toLearn: toLearn, coverage: coverage, plainCoverage: plainCoverage} AS result')}""", columnName: "result")
    paths(fromId: ID!, toId: ID!, types: [String!]!, parallelTypes: [String!]!, maxHops: Int!, first: Int!): [PathResult!]!
      @cypher(statement: """${wrapped('paths-between', 'UNWIND paths AS result RETURN result')}""", columnName: "result")
  }
`;

servePeer('neo4j-graphql', 'NEO4J_GRAPHQL', async () => new ApolloServer({ schema: await new Neo4jGraphQL({ typeDefs, driver }).getSchema() }));
