/** Stops the property suite's Neo4j. */
export default async function globalTeardown(): Promise<void> {
  await globalThis.careersGraphPropertiesNeo4j?.stop();
}
