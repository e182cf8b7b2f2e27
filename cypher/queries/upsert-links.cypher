// Write: create or update fact relationships between existing nodes, recording who
// changed them and when.
// Parameters: $rows (list of {from, to, type, properties}), $actor. `type` is checked
// against the allow-list of relationship types (src/models/relations.ts) before it
// gets here. A relationship is stamped (updatedAt, updatedBy; createdAt, createdBy
// when new) only when a property changes, so writing the same rows twice changes nothing.
// A skill requirement also gets `weight`, derived from its own properties (importance / 5
// where it has an importance, O*NET's 1..5; 1 when essential and 0.5 when optional, as
// ESCO says; else 1). It is not a fact: no answer shows it. The analytic statements read
// it in place of the two properties it comes from, which sit deeper in the relationship's
// property chain (at ESCO scale similarRoles took about 16 ms instead of 20 per request).
// Returns one row per input row whose two ends exist: created, updated, the stamps, and
// the sources the link cited before and after the write (`citedBefore` is null for a
// new link), from which the writer keeps each Source's factCount.
// Idempotent: MERGE on (from, type, to).
UNWIND $rows AS row
MATCH (a:Node {id: row.from})
MATCH (b:Node {id: row.to})
OPTIONAL MATCH (a)-[existing:$(row.type)]->(b)
WITH row, a, b, existing, existing IS NULL AS created
WITH row, a, b, created, existing.sourceIds AS citedBefore,
  created OR any(key IN keys(row.properties)
    WHERE NOT coalesce(existing[key] = row.properties[key], existing[key] IS NULL AND row.properties[key] IS NULL)) AS changed
MERGE (a)-[r:$(row.type)]->(b)
SET r += row.properties
FOREACH (_ IN CASE WHEN row.type = 'REQUIRES_SKILL' THEN [1] ELSE [] END |
  SET r.weight = coalesce(r.importance / 5.0, CASE r.essential WHEN true THEN 1.0 WHEN false THEN 0.5 END, 1.0))
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END | SET r.updatedAt = datetime.transaction(), r.updatedBy = $actor)
FOREACH (_ IN CASE WHEN created THEN [1] ELSE [] END | SET r.createdAt = datetime.transaction(), r.createdBy = $actor)
RETURN row.from AS from, row.type AS type, row.to AS to, created, changed AND NOT created AS updated,
  r.updatedAt AS updatedAt, r.updatedBy AS updatedBy, citedBefore, r.sourceIds AS citedAfter
