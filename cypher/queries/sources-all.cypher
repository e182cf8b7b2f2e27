// Question: which source documents does the graph cite?
// Parameters: none. Returns every source, ordered by id.
MATCH (s:Source)
RETURN s {.id, .title, factCount: coalesce(s.factCount, 0)} AS source
ORDER BY s.id
