// Write: create or update fact relationships between existing nodes.
// Parameters: $rows (list of {from, to, type, properties}). `type` is checked against
// the allow-list of relationship types (src/models/link-types.ts) before it gets here.
// Idempotent: MERGE on (from, type, to). Returns how many rows found both ends.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:$(row.type)]->(b)
SET r += row.properties
RETURN count(r) AS links
