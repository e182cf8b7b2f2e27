// Write: create or update fact relationships between existing nodes, recording who
// changed them and when.
// Parameters: $rows (list of {from, to, type, properties}), $actor. `type` is checked
// against the allow-list of relationship types (src/models/link-types.ts) before it
// gets here. A relationship is stamped (updatedAt, updatedBy; createdAt, createdBy
// when new) only when a property changes, so writing the same rows twice changes nothing.
// Returns one row per input row whose two ends exist: created, updated and the stamps.
// Idempotent: MERGE on (from, type, to).
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
OPTIONAL MATCH (a)-[existing:$(row.type)]->(b)
WITH row, a, b, existing, existing IS NULL AS created
WITH row, a, b, created,
  created OR any(key IN keys(row.properties)
    WHERE NOT coalesce(existing[key] = row.properties[key], existing[key] IS NULL AND row.properties[key] IS NULL)) AS changed
MERGE (a)-[r:$(row.type)]->(b)
SET r += row.properties
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END | SET r.updatedAt = datetime.transaction(), r.updatedBy = $actor)
FOREACH (_ IN CASE WHEN created THEN [1] ELSE [] END | SET r.createdAt = datetime.transaction(), r.createdBy = $actor)
RETURN row.from AS from, row.type AS type, row.to AS to, created, changed AND NOT created AS updated,
  r.updatedAt AS updatedAt, r.updatedBy AS updatedBy
