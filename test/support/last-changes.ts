import type { Database } from '../../src/database/database';

/**
 * The latest `updatedAt` of any node and of any relationship: a write that stamps
 * no fact as changed leaves both as they were (checkpoints carry no such stamp).
 */
export async function lastChanges(database: Database): Promise<Record<string, unknown> | undefined> {
  const { records } = await database.driver.executeQuery(
    'CALL () { MATCH (n:Node) RETURN max(n.updatedAt) AS nodes } CALL () { MATCH ()-[r]->() RETURN max(r.updatedAt) AS links } RETURN toString(nodes) AS nodes, toString(links) AS links',
  );
  return records[0]?.toObject();
}
