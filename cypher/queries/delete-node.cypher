// Write: delete a node with its relationships; a role takes its salary and growth
// figures with it, since a figure describes exactly one role.
// Parameters: $id. Returns how many nodes and relationships were removed (0 and 0
// when there is no such node), and the sources each removed fact cited (`cited`: one
// list per node and relationship), for the Sources' factCount.
OPTIONAL MATCH (n:Node {id: $id})
OPTIONAL MATCH (n)-[:HAS_SALARY|HAS_GROWTH]->(figure:Node)
WITH [node IN collect(DISTINCT n) + collect(DISTINCT figure) WHERE node IS NOT NULL] AS doomed
CALL (doomed) {
  UNWIND doomed AS node
  MATCH (node)-[r]-()
  WITH DISTINCT r
  RETURN count(r) AS links, collect(r.sourceIds) AS linkCitations
}
WITH doomed, links, [node IN doomed | node.sourceIds] + linkCitations AS citations
FOREACH (node IN doomed | DETACH DELETE node)
RETURN size(doomed) AS nodes, links, [list IN citations WHERE list IS NOT NULL] AS cited
