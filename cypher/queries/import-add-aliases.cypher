// Write: add other names to nodes, once each, recording who changed them and when.
// Parameters: $rows (list of {id, alias}, each pair once), $actor. A name already
// held is left alone, so running the same rows again changes nothing.
// Returns one row per input row whose node exists: id, alias, and `added` when
// the name was new.
UNWIND $rows AS row
MATCH (n:Node {id: row.id})
WITH n, row, NOT row.alias IN coalesce(n.aliases, []) AS added
FOREACH (_ IN CASE WHEN added THEN [1] ELSE [] END |
  SET n.aliases = coalesce(n.aliases, []) + row.alias, n.updatedAt = datetime.transaction(), n.updatedBy = $actor)
RETURN row.id AS id, row.alias AS alias, added
