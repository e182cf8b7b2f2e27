import { createHash } from 'node:crypto';
import type { Database } from '../../src/database/database';

export interface GraphFingerprint {
  nodes: number;
  relationships: number;
  /** sha256 over every node's labels and properties and every relationship's type, ends and properties, in a fixed order. */
  digest: string;
}

/** JSON with object keys sorted, so equal graphs give equal text whatever order Neo4j returns properties in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    // Temporal and spatial values from the driver print themselves in ISO form.
    if (!Object.getPrototypeOf(value) || Object.getPrototypeOf(value) === Object.prototype) {
      const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
    }
    return JSON.stringify(String(value));
  }
  return JSON.stringify(value);
}

/**
 * A digest of the whole graph. Two graphs with the same fingerprint hold the same
 * nodes, relationships and properties. Reads everything: for tests and scripts.
 */
export async function graphFingerprint(database: Database): Promise<GraphFingerprint> {
  const rows = await database.runner(() => 'graph-fingerprint').read('graph-fingerprint', {});
  const lines = rows.map((row) =>
    canonical(
      row.type === null
        ? ['node', [...(row.labels as string[])].sort(), row.properties]
        : ['relationship', row.type, row.start, row.end, row.properties],
    ),
  );
  lines.sort();
  const hash = createHash('sha256');
  for (const line of lines) hash.update(line).update('\n');
  return {
    nodes: rows.filter((row) => row.type === null).length,
    relationships: rows.filter((row) => row.type !== null).length,
    digest: hash.digest('hex'),
  };
}
