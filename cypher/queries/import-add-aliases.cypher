// Write: add other names to nodes, once each, recording who changed them and when.
// Parameters: $rows (list of {id, aliases}, one row per node, its names each once),
// $actor. A name already held is left alone, so running the same rows again
// changes nothing. One row per node keeps the planner's Eager (it cannot know the
// ids are distinct) to a row per node: with a row per name, a batch of 1000 names
// held 18 MB of alias lists twice over and could pass the transaction memory limit.
// Returns one row per input row whose node exists: id, and `added`, the names that
// were new.
UNWIND $rows AS row
MATCH (n:Node {id: row.id})
WITH n, row, [alias IN row.aliases WHERE NOT alias IN coalesce(n.aliases, [])] AS added
FOREACH (_ IN CASE WHEN size(added) > 0 THEN [1] ELSE [] END |
  SET n.aliases = coalesce(n.aliases, []) + added, n.updatedAt = datetime.transaction(), n.updatedBy = $actor)
RETURN row.id AS id, added
