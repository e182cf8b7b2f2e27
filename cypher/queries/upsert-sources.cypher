// Write: create or update source documents by id, recording who changed them and when.
// Parameters: $rows (list of {id, title}), $actor (a curator's name, or the loader's).
// A source is stamped (updatedAt, updatedBy; createdAt, createdBy when new) only when
// its title changes, so writing the same rows twice changes nothing. A new source
// starts at factCount 0 (the writers add the facts that cite it).
// Returns one row per input row: created, updated and the stamps after the write.
// Idempotent: MERGE on the Source(id) constraint.
UNWIND $rows AS row
OPTIONAL MATCH (existing:Source {id: row.id})
WITH row, existing IS NULL AS created, existing IS NULL OR existing.title <> row.title AS changed
MERGE (s:Source {id: row.id})
SET s.title = row.title
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END | SET s.updatedAt = datetime.transaction(), s.updatedBy = $actor)
FOREACH (_ IN CASE WHEN created THEN [1] ELSE [] END | SET s.createdAt = datetime.transaction(), s.createdBy = $actor,
  s.factCount = coalesce(s.factCount, 0))
RETURN row.id AS id, created, changed AND NOT created AS updated, s.updatedAt AS updatedAt, s.updatedBy AS updatedBy
