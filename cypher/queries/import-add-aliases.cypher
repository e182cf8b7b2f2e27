// Write: add other names to nodes, once each, recording who changed them and when.
// Parameters: $rows (list of {id, alias}), $actor. A name already held is left alone,
// so running the same rows again changes nothing. Returns how many names were added.
UNWIND $rows AS row
MATCH (n:Node {id: row.id})
WITH n, row WHERE NOT row.alias IN coalesce(n.aliases, [])
SET n.aliases = coalesce(n.aliases, []) + row.alias, n.updatedAt = datetime.transaction(), n.updatedBy = $actor
RETURN count(*) AS added
