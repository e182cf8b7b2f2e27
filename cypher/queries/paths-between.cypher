// Question: how is one node connected to another, hop by hop?
// Parameters: $fromId, $toId (ids of any nodes), $types (relationship types a path may
// use, from the Relation allow-list), $parallelTypes (those of $types whose
// relationship may join two nodes another one joins: PARALLEL_RELATIONS in
// src/models/relations.ts), $maxHops (1..6), $first (1..10).
// Algorithm: the 30 shortest paths of at most $maxHops hops (Neo4j's SHORTEST, which
// needs a literal k and bound: the bound below is the largest, and the catalog derives
// one statement per bound 1..6, run as paths-between/<maxHops>, so that the search
// stops at $maxHops), where each hop may take only the allowed relationship with the
// smallest element id between its two nodes, so that parallel relationships (A
// RELATED_TO B and B RELATED_TO A...) do not multiply one node sequence into many
// paths (looked for only on a hop of $parallelTypes: no other can have a parallel);
// kept when within $maxHops (whichever variant runs) and never repeating a node; the
// first $first by length, then by the names along them. Each hop then lists
// every allowed relationship joining its two nodes.
// Returns one row: fromFound, toFound, paths (nodes with their labels, hops).
OPTIONAL MATCH (start:Node {id: $fromId})
USING INDEX SEEK start:Node(id)
OPTIONAL MATCH (end:Node {id: $toId})
USING INDEX SEEK end:Node(id)
CALL (start, end) {
  MATCH p = SHORTEST 30 (start)((here)-[link]-(next)
    WHERE type(link) IN $types
      AND (NOT type(link) IN $parallelTypes OR NOT EXISTS {
        MATCH (here)-[parallel]-(next)
        WHERE type(parallel) IN $types AND elementId(parallel) < elementId(link)
      })){1,6}(end)
  WHERE length(p) <= $maxHops
  WITH nodes(p) AS pathNodes
  WHERE all(i IN range(0, size(pathNodes) - 2) WHERE NOT pathNodes[i] IN pathNodes[i + 1..])
  WITH DISTINCT pathNodes
  ORDER BY size(pathNodes), [n IN pathNodes | n.name]
  LIMIT toInteger($first)
  CALL (pathNodes) {
    UNWIND range(0, size(pathNodes) - 2) AS hop
    WITH hop, pathNodes[hop] AS hopStart, pathNodes[hop + 1] AS hopEnd
    MATCH (hopStart)-[r]-(hopEnd)
    WHERE type(r) IN $types
    WITH hop, collect({type: type(r), forward: startNode(r) = hopStart, link: properties(r)}) AS links
    ORDER BY hop
    RETURN collect(links) AS hops
  }
  RETURN collect({
    nodes: [n IN pathNodes | {node: n {.*}, label: [l IN labels(n) WHERE l <> 'Node'][0]}],
    hops: hops
  }) AS paths
}
RETURN start IS NOT NULL AS fromFound, end IS NOT NULL AS toFound, paths
