// Write: delete a node with its relationships; a role takes its salary and growth
// figures with it, since a figure describes exactly one role.
// Parameters: $id. Returns how many nodes and relationships were removed (0 and 0
// when there is no such node).
OPTIONAL MATCH (n:Node {id: $id})
OPTIONAL MATCH (n)-[:HAS_SALARY|HAS_GROWTH]->(figure:Node)
WITH [node IN collect(DISTINCT n) + collect(DISTINCT figure) WHERE node IS NOT NULL] AS doomed
CALL (doomed) {
  UNWIND doomed AS node
  MATCH (node)-[r]-()
  RETURN count(DISTINCT r) AS links
}
FOREACH (node IN doomed | DETACH DELETE node)
RETURN size(doomed) AS nodes, links
