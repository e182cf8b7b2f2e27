// Question: which source documents have these ids?
// Parameters: $ids (list of source ids). Returns one row per source found.
UNWIND $ids AS id
MATCH (s:Source {id: id})
RETURN s {.id, .title} AS source
