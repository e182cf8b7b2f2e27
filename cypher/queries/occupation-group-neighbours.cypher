// Question: which occupation group is each of these groups part of, and which groups
// are part of it?
// Parameters: $ids (list of OccupationGroup ids).
// Returns one row per group found: id, broader (the group it is part of, or null) and
// narrower (the groups part of it, ordered by code).
// The hint keeps the index seek even when statistics are stale (right after a load).
UNWIND $ids AS id
MATCH (g:Node {id: id})
USING INDEX SEEK g:Node(id)
WHERE g:OccupationGroup
RETURN id,
  COLLECT { MATCH (g)-[:BROADER_GROUP]->(b:OccupationGroup) RETURN b {.*} ORDER BY b.code LIMIT 1 }[0] AS broader,
  COLLECT { MATCH (n:OccupationGroup)-[:BROADER_GROUP]->(g) RETURN n {.*} ORDER BY n.code } AS narrower
