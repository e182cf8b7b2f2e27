import fs from 'node:fs';

/** Stops the service, its driver and the e2e Neo4j, and removes the explorer's build. */
export default async function globalTeardown(): Promise<void> {
  const e2e = globalThis.careersGraphE2e;
  if (!e2e) return;
  try {
    await e2e.app.stop();
    await e2e.database.close();
  } finally {
    await e2e.neo4j.stop();
    fs.rmSync(e2e.webDir, { recursive: true, force: true });
  }
}
