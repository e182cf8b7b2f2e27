// Write: delete a node with its relationships; a role takes its salary and growth
// figures with it, since a figure describes exactly one role.
// Parameters: $id. Returns how many nodes and relationships were removed (0 and 0
// when there is no such node), and the sources each removed fact cited (`cited`: one
// list per node and relationship), for the Sources' factCount; and for the roles'
// derived weights (role-weights.ts), whether a role was deleted (`roleDeleted`) and the
// ids of the roles that required a deleted skill (`requirers`).
OPTIONAL MATCH (n:Node {id: $id})
OPTIONAL MATCH (n)-[:HAS_SALARY|HAS_GROWTH]->(figure:Node)
WITH [node IN collect(DISTINCT n) + collect(DISTINCT figure) WHERE node IS NOT NULL] AS doomed
CALL (doomed) {
  UNWIND doomed AS node
  MATCH (node)-[r]-()
  WITH DISTINCT r
  RETURN count(r) AS links, collect(r.sourceIds) AS linkCitations
}
CALL (doomed) {
  UNWIND doomed AS node
  OPTIONAL MATCH (node:Skill)<-[:REQUIRES_SKILL]-(role:Role)
  RETURN collect(DISTINCT role.id) AS requirers
}
WITH doomed, links, requirers, any(node IN doomed WHERE node:Role) AS roleDeleted,
  [node IN doomed | node.sourceIds] + linkCitations AS citations
FOREACH (node IN doomed | DETACH DELETE node)
RETURN size(doomed) AS nodes, links, [list IN citations WHERE list IS NOT NULL] AS cited, requirers, roleDeleted
