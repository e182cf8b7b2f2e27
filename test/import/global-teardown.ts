/** Stops the import suite's Neo4j. */
export default async function globalTeardown(): Promise<void> {
  await globalThis.careersGraphImportNeo4j?.stop();
}
