// Question: which source documents have these ids?
// Parameters: $ids (list of source ids). Returns one row per source found.
// The hint keeps the index seek even when statistics are stale (right after a load).
UNWIND $ids AS id
MATCH (s:Source {id: id})
USING INDEX SEEK s:Source(id)
RETURN s {.id, .title, factCount: coalesce(s.factCount, 0)} AS source
