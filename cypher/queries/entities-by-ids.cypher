// Question: which nodes have these ids?
// Parameters: $ids (list of ids).
// Returns one row per id found: the node's properties and its kind label.
// Plan: one index seek per id on the Entity(id) uniqueness constraint.
// The hint keeps the index seek even when statistics are stale (right after a load).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
USING INDEX SEEK n:Entity(id)
RETURN n {.*} AS node, [label IN labels(n) WHERE label <> 'Entity'][0] AS label
