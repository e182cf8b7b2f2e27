// Write: create or update fact relationships between existing nodes, recording who
// changed them and when.
// Parameters: $rows (list of {from, to, type, properties}), $actor. `type` is checked
// against the allow-list of relationship types (src/models/relations.ts) before it
// gets here. A relationship is written and stamped (updatedAt, updatedBy; createdAt,
// createdBy when new) only when a property changes, so writing the same rows twice
// changes nothing. Whether it is new is read from the MERGE itself: every
// relationship this statement creates gets createdAt, so one without it was just
// created (one expansion between the ends instead of an OPTIONAL MATCH and a MERGE).
// A skill requirement also gets `weight`, derived from its own properties (importance / 5
// where it has an importance, O*NET's 1..5; 1 when essential and 0.5 when optional, as
// ESCO says; else 1). It is not a fact: no answer shows it. The analytic statements read
// it in place of the two properties it comes from, which sit deeper in the relationship's
// property chain (at ESCO scale similarRoles took about 16 ms instead of 20 per request).
// The graph writer runs the variant of the rows' type (`upsert-links/REQUIRES_SKILL`,
// see TYPED in src/database/cypher-catalog.ts), which names the type in place of
// the type given as a value. PROFILE, 865 O*NET skill requirements already in the graph (O*NET
// 29.0 loaded): 289,759 db hits before (OPTIONAL MATCH and MERGE each expanding every
// relationship between the ends, then SET of every property), 146,198 after, 41,343
// in the typed variant.
// Returns one row per input row whose two ends exist: created, updated, the stamps, and
// the sources the link cited before and after the write (`citedBefore` is null for a
// new link), from which the writer keeps each Source's factCount.
// Idempotent: MERGE on (from, type, to).
UNWIND $rows AS row
MATCH (a:Node {id: row.from})
MATCH (b:Node {id: row.to})
MERGE (a)-[r:$(row.type)]->(b)
WITH row, r, r.createdAt IS NULL AS created, r.sourceIds AS citedBefore
WITH row, r, created, citedBefore,
  created OR any(key IN keys(row.properties)
    WHERE NOT coalesce(r[key] = row.properties[key], r[key] IS NULL AND row.properties[key] IS NULL)) AS changed
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END |
  SET r += row.properties, r.updatedAt = datetime.transaction(), r.updatedBy = $actor)
FOREACH (_ IN CASE WHEN changed AND row.type = 'REQUIRES_SKILL' THEN [1] ELSE [] END |
  SET r.weight = coalesce(r.importance / 5.0, CASE r.essential WHEN true THEN 1.0 WHEN false THEN 0.5 END, 1.0))
FOREACH (_ IN CASE WHEN created THEN [1] ELSE [] END | SET r.createdAt = datetime.transaction(), r.createdBy = $actor)
RETURN row.from AS from, row.type AS type, row.to AS to, created, changed AND NOT created AS updated,
  r.updatedAt AS updatedAt, r.updatedBy AS updatedBy, citedBefore, r.sourceIds AS citedAfter
