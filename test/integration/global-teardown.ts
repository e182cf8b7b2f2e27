/** Stops the suite's local Neo4j, if global-setup started one. */
export default async function globalTeardown(): Promise<void> {
  await globalThis.careersGraphTestNeo4j?.stop();
}
