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
import { expressMiddleware } from '@as-integrations/express5';
import { Neo4jGraphQL } from '@neo4j/graphql';
import express from 'express';
import type { AddressInfo } from 'node:net';
import { loadCypherCatalog, type QueryName } from '../../src/database/cypher-catalog';
import { createDriver } from '../../src/database/database';
import { countingDriver } from './round-trips';

const uri = process.env.NEO4J_URI;
if (!uri) throw new Error('NEO4J_URI is required');
const { driver, count: roundTrips } = countingDriver(createDriver(uri, process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? ''));
const catalog = loadCypherCatalog();

/**
 * A catalog statement as a @cypher statement: run as a subquery, its one row is
 * turned into the field's one column, either a map of its columns or, for list
 * fields, one row per element of a list column. Triple quotes delimit it in SDL.
 */
function wrapped(name: QueryName, result: string): string {
  const text = catalog[name];
  if (text.includes('"""')) throw new Error(`${name} cannot be embedded in SDL`);
  return `CALL () {\n${text}\n}\n${result}`;
}

const typeDefs = /* GraphQL */ `
  type Role @node(labels: ["Role", "Entity"]) {
    id: ID!
    name: String
    skills: [Skill!]! @relationship(type: "REQUIRES_SKILL", direction: OUT)
    responsibilities: [Responsibility!]! @relationship(type: "HAS_RESPONSIBILITY", direction: OUT)
    settings: [Setting!]! @relationship(type: "WORKS_IN", direction: OUT)
    relatedRoles: [Role!]! @relationship(type: "RELATED_TO", direction: OUT, queryDirection: UNDIRECTED)
  }
  type Skill @node(labels: ["Skill", "Entity"]) {
    id: ID!
    name: String
  }
  type Responsibility @node(labels: ["Responsibility", "Entity"]) {
    id: ID!
    name: String
  }
  type Setting @node(labels: ["Setting", "Entity"]) {
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
    similarRoles(roleId: ID!, metric: String!, first: Int!): [SimilarRole!]!
      @cypher(statement: """${wrapped('similar-roles', 'UNWIND matches AS result RETURN result')}""", columnName: "result")
    recommendRoles(skillIds: [ID!]!, first: Int!): [Recommendation!]!
      @cypher(statement: """${wrapped('recommend-roles', 'UNWIND recommendations AS result RETURN result')}""", columnName: "result")
    skillGap(fromId: ID!, toId: ID!): SkillGap
      @cypher(statement: """${wrapped('skill-gap', 'RETURN {fromRole: fromRole, toRole: toRole, transferable: transferable, toLearn: toLearn, coverage: coverage, plainCoverage: plainCoverage} AS result')}""", columnName: "result")
    paths(fromId: ID!, toId: ID!, types: [String!]!, maxHops: Int!, first: Int!): [PathResult!]!
      @cypher(statement: """${wrapped('paths-between', 'UNWIND paths AS result RETURN result')}""", columnName: "result")
  }
`;

async function main(): Promise<void> {
  const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
  const server = new ApolloServer({ schema });
  await server.start();
  const app = express();
  // Statements sent so far, read by the benchmark before and after a sequential sample.
  app.get('/round-trips', (_request, response) => void response.json({ count: roundTrips() }));
  app.use('/graphql', express.json({ limit: '100kb' }), expressMiddleware(server, { context: async () => ({}) }));
  const listener = app.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
    const { port } = listener.address() as AddressInfo;
    process.stdout.write(`NEO4J_GRAPHQL_READY http://127.0.0.1:${port}/graphql\n`);
  });
  const stop = () => listener.close(() => void server.stop().then(() => driver.close()).then(() => process.exit(0)));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`neo4j-graphql peer: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
