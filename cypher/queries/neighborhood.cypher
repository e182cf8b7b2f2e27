// Question: what lies within $depth hops of a node, for drawing?
// Parameters: $id, $depth (1..3), $limit (1..500 nodes).
// Algorithm: breadth-first, one ring per hop (ring k = neighbours of ring k-1 not seen
// before), each ring ordered by name; the rings beyond $depth are left empty; the
// centre and rings are cut at $limit nodes; edges are the relationships among the
// nodes kept. Every expansion is a single hop, so no path is enumerated.
// Returns one row: found, nodes (with label and depth), edges, truncated.
OPTIONAL MATCH (center:Node {id: $id})
USING INDEX SEEK center:Node(id)
CALL (center) {
  MATCH (center)--(n:Node)
  WITH DISTINCT n ORDER BY n.name, n.id
  RETURN collect(n) AS ring1
}
CALL (center, ring1) {
  WITH center, ring1 WHERE $depth >= 2
  UNWIND ring1 AS x
  MATCH (x)--(n:Node)
  WHERE n <> center AND NOT n IN ring1
  WITH DISTINCT n ORDER BY n.name, n.id
  RETURN collect(n) AS ring2
}
CALL (center, ring1, ring2) {
  WITH center, ring1, ring2 WHERE $depth >= 3
  UNWIND ring2 AS x
  MATCH (x)--(n:Node)
  WHERE n <> center AND NOT n IN ring1 AND NOT n IN ring2
  WITH DISTINCT n ORDER BY n.name, n.id
  RETURN collect(n) AS ring3
}
WITH center,
  CASE WHEN center IS NULL THEN [] ELSE [{node: center, depth: 0}] END
  + [n IN ring1 | {node: n, depth: 1}] + [n IN ring2 | {node: n, depth: 2}] + [n IN ring3 | {node: n, depth: 3}] AS reached
WITH center, reached[0..toInteger($limit)] AS kept, size(reached) > $limit AS truncated
WITH center, kept, truncated, [k IN kept | k.node] AS keptNodes
CALL (keptNodes) {
  UNWIND keptNodes AS x
  MATCH (x)-[r]->(y)
  WHERE y IN keptNodes
  RETURN collect({from: x.id, to: y.id, relation: type(r)}) AS edges
}
RETURN
  center IS NOT NULL AS found,
  [k IN kept | {node: properties(k.node), label: [l IN labels(k.node) WHERE l <> 'Node'][0], depth: k.depth}] AS nodes,
  edges,
  truncated
