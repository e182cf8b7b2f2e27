/** Stops the curation suite's Neo4j. */
export default async function globalTeardown(): Promise<void> {
  await globalThis.careersGraphCurationNeo4j?.stop();
}
