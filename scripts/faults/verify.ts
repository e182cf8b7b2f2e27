/**
 * Reads the graph directly (not through the API) once the scenario is over and
 * checks every write the load made: acknowledged ones present exactly once,
 * unacknowledged ones present at most once, imports all there or all absent, and
 * no id or relationship stored twice anywhere. Read-only Cypher, values as parameters.
 */
import neo4j from 'neo4j-driver';
import { connectDatabase } from '../../src/database/connect-database';
import { graphFingerprint, type GraphFingerprint } from '../../test/support/graph-fingerprint';
import { recomputedRoleWeights, staleRoleWeights } from '../../test/support/role-weights-check';
import type { ImportWrite, SkillWrite } from './workload';

export interface WriteCheck {
  /** Acknowledged writes (a skill, a link) looked for. */
  ackedChecked: number;
  ackedMissing: string[];
  ackedDuplicated: string[];
  /** Writes answered with an error: present anyway (committed, acknowledgement lost) or absent. */
  failedPresent: number;
  failedAbsent: number;
  /** The same two counts by the failed request's reason (its first error code). */
  failedPresentBy: Record<string, number>;
  failedAbsentBy: Record<string, number>;
  failedDuplicated: string[];
}

export interface ImportCheck {
  total: number;
  allPresent: number;
  allAbsent: number;
  partial: string[];
  /** Acknowledged imports that are not all present. */
  ackedNotPresent: string[];
  /** Imports answered with an error that are all present nonetheless, and the same by the request's reason. */
  failedButPresent: number;
  failedButPresentBy: Record<string, number>;
  duplicated: string[];
}

export interface GraphCheck {
  skills: WriteCheck;
  imports: ImportCheck;
  /** Node or Source ids held by more than one node. */
  duplicateIds: number;
  /** (start, type, end) triples with more than one relationship. */
  duplicateRelationships: number;
  /** The roles' derived weights: how many roles, and those whose stored values differ from a recomputation. */
  weights: { roles: number; stale: string[] };
  fingerprint: GraphFingerprint;
}

export async function verifyGraph(uri: string, password: string, skills: SkillWrite[], imports: ImportWrite[]): Promise<GraphCheck> {
  const database = connectDatabase({ uri, user: 'neo4j', password, database: 'neo4j', queryTimeoutMs: 60_000 });
  const read = async (cypher: string, params: Record<string, unknown>) =>
    (await database.driver.executeQuery(cypher, params, { routing: neo4j.routing.READ, database: 'neo4j' })).records.map((record) => record.toObject());
  try {
    const nodeCounts = new Map<string, number>();
    const nodeIds = [...skills.map((write) => write.skillId), ...imports.flatMap((write) => write.nodeIds)];
    for (const row of await read('UNWIND $ids AS id OPTIONAL MATCH (n:Node {id: id}) RETURN id, count(n) AS nodes', { ids: nodeIds })) {
      nodeCounts.set(String(row.id), Number(row.nodes));
    }
    const sourceCounts = new Map<string, number>();
    for (const row of await read('UNWIND $ids AS id OPTIONAL MATCH (s:Source {id: id}) RETURN id, count(s) AS sources', {
      ids: imports.map((write) => write.sourceId),
    })) {
      sourceCounts.set(String(row.id), Number(row.sources));
    }
    const linkKey = (from: string, to: string) => `${from} -REQUIRES_SKILL-> ${to}`;
    const pairs = [...skills.map((write) => ({ from: write.roleId, to: write.skillId })), ...imports.flatMap((write) => write.links)];
    const linkCounts = new Map<string, number>();
    for (const row of await read(
      'UNWIND $pairs AS pair OPTIONAL MATCH (:Node {id: pair.from})-[r:REQUIRES_SKILL]->(:Node {id: pair.to}) RETURN pair.from AS from, pair.to AS to, count(r) AS links',
      { pairs },
    )) {
      linkCounts.set(linkKey(String(row.from), String(row.to)), Number(row.links));
    }

    const skillCheck: WriteCheck = {
      ackedChecked: 0,
      ackedMissing: [],
      ackedDuplicated: [],
      failedPresent: 0,
      failedAbsent: 0,
      failedPresentBy: {},
      failedAbsentBy: {},
      failedDuplicated: [],
    };
    const tally = (counts: Record<string, number>, reason: string | undefined) => {
      const key = reason ?? 'unknown';
      counts[key] = (counts[key] ?? 0) + 1;
    };
    const judge = (name: string, count: number, acked: boolean, reason?: string) => {
      if (acked) {
        skillCheck.ackedChecked += 1;
        if (count === 0) skillCheck.ackedMissing.push(name);
        if (count > 1) skillCheck.ackedDuplicated.push(`${name} (${count}x)`);
      } else {
        if (count === 0) {
          skillCheck.failedAbsent += 1;
          tally(skillCheck.failedAbsentBy, reason);
        } else {
          skillCheck.failedPresent += 1;
          tally(skillCheck.failedPresentBy, reason);
        }
        if (count > 1) skillCheck.failedDuplicated.push(`${name} (${count}x)`);
      }
    };
    for (const write of skills) {
      judge(`skill ${write.skillId}`, nodeCounts.get(write.skillId) ?? 0, write.skillAcked, write.skillFailure);
      // A link never sent (its skill unacknowledged) must not exist; sent and failed may.
      const link = linkCounts.get(linkKey(write.roleId, write.skillId)) ?? 0;
      if (write.linkSent || link > 0) judge(`link ${linkKey(write.roleId, write.skillId)}`, link, write.linkAcked, write.linkFailure);
    }

    const importCheck: ImportCheck = { total: imports.length, allPresent: 0, allAbsent: 0, partial: [], ackedNotPresent: [], failedButPresent: 0, failedButPresentBy: {}, duplicated: [] };
    for (const write of imports) {
      const counts = [
        sourceCounts.get(write.sourceId) ?? 0,
        ...write.nodeIds.map((id) => nodeCounts.get(id) ?? 0),
        ...write.links.map((link) => linkCounts.get(linkKey(link.from, link.to)) ?? 0),
      ];
      const present = counts.filter((count) => count > 0).length;
      if (counts.some((count) => count > 1)) importCheck.duplicated.push(write.sourceId);
      if (present === counts.length) {
        importCheck.allPresent += 1;
        if (!write.acked) {
          importCheck.failedButPresent += 1;
          tally(importCheck.failedButPresentBy, write.failure);
        }
      } else if (present === 0) {
        importCheck.allAbsent += 1;
      } else {
        importCheck.partial.push(`${write.sourceId} (${present}/${counts.length} facts)`);
      }
      if (write.acked && present !== counts.length) importCheck.ackedNotPresent.push(write.sourceId);
    }

    const [ids] = await read(
      `CALL () { MATCH (n:Node) WITH n.id AS id, count(*) AS copies WHERE copies > 1 RETURN count(*) AS entities }
       CALL () { MATCH (s:Source) WITH s.id AS id, count(*) AS copies WHERE copies > 1 RETURN count(*) AS sources }
       RETURN entities + sources AS duplicates`,
      {},
    );
    const [relationships] = await read(
      'MATCH (a)-[r]->(b) WITH a, type(r) AS type, b, count(r) AS copies WHERE copies > 1 RETURN count(*) AS duplicates',
      {},
    );
    // Every writer refreshes the weights of the roles it touched in its own transaction:
    // whatever committed or failed, the graph's weights match its requirements.
    const weights = await recomputedRoleWeights(read);
    return {
      skills: skillCheck,
      imports: importCheck,
      duplicateIds: Number(ids?.duplicates ?? 0),
      duplicateRelationships: Number(relationships?.duplicates ?? 0),
      weights: { roles: weights.length, stale: staleRoleWeights(weights) },
      fingerprint: await graphFingerprint(database),
    };
  } finally {
    await database.close();
  }
}
