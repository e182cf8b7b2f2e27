// Question: what exactly is in the graph? Used by tests and the fuzz and fault
// scripts to prove that a failed or refused write changed nothing.
// Parameters: none. Returns one row per node (labels, properties; type null) and per
// relationship (type, the ids of its ends, properties; labels null).
// Reads the whole graph: a check for tests and scripts, never a request path.
MATCH (n)
RETURN labels(n) AS labels, null AS type, null AS start, null AS end, properties(n) AS properties
UNION ALL
MATCH (a)-[r]->(b)
RETURN null AS labels, type(r) AS type, coalesce(a.id, elementId(a)) AS start,
  coalesce(b.id, elementId(b)) AS end, properties(r) AS properties
