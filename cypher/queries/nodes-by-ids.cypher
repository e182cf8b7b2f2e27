// Question: which nodes have these ids?
// Parameters: $ids (list of ids).
// Returns one row per id found: the node's properties and its kind label.
// Plan: one index seek per id on the Node(id) uniqueness constraint.
// The hint keeps the index seek even when statistics are stale (right after a load).
UNWIND $ids AS id
MATCH (n:Node {id: id})
USING INDEX SEEK n:Node(id)
RETURN n {.*} AS node, [label IN labels(n) WHERE label <> 'Node'][0] AS label
