// Write: create or update fact nodes by id.
// Parameters: $rows (list of {id, label, properties}). `label` is checked against the
// allow-list of entity labels (src/models/records.ts) before it gets here; a null in
// `properties` removes that property. Idempotent: MERGE on the Entity(id) constraint.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:$(row.label), n += row.properties
RETURN count(n) AS entities
