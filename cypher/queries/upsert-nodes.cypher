// Write: create or update fact nodes by id, recording who changed them and when.
// Parameters: $rows (list of {id, label, properties}), $actor (a curator's name, or
// the loader's). `label` is checked against the allow-list of entity labels
// (src/models/records.ts) before it gets here; a null in `properties` removes that
// property. A node is written and stamped (updatedAt, updatedBy; createdAt, createdBy
// when new) only when a property changes, so writing the same rows twice changes
// nothing and writes nothing (a tool or skill many rows name is not written again by
// every batch; PROFILE, 1000 O*NET task statements already in the graph: 17,000 db
// hits to 12,000).
// Returns one row per input row: created, updated, the stamps, `conflict` when the id
// already belongs to a node of another kind (the caller then rolls back), and the
// sources the node cited before and after the write (`citedBefore` is null for a new
// node), from which the writer keeps each Source's factCount.
// Idempotent: MERGE on the Node(id) constraint.
UNWIND $rows AS row
OPTIONAL MATCH (existing:Node {id: row.id})
WITH row, existing, existing IS NULL AS created, existing IS NOT NULL AND NOT row.label IN labels(existing) AS conflict
WITH row, created, conflict, existing.sourceIds AS citedBefore,
  created OR any(key IN keys(row.properties)
    WHERE NOT coalesce(existing[key] = row.properties[key], existing[key] IS NULL AND row.properties[key] IS NULL)) AS changed
MERGE (n:Node {id: row.id})
SET n:$(row.label)
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END | SET n += row.properties, n.updatedAt = datetime.transaction(), n.updatedBy = $actor)
FOREACH (_ IN CASE WHEN created THEN [1] ELSE [] END | SET n.createdAt = datetime.transaction(), n.createdBy = $actor)
RETURN row.id AS id, created, changed AND NOT created AS updated, conflict, n.updatedAt AS updatedAt, n.updatedBy AS updatedBy,
  citedBefore, n.sourceIds AS citedAfter
