// Question: for each of these roles, what does the graph state about it one hop away?
// Parameters: $ids (list of role ids).
// Returns one row per role found: the role's properties and every fact link with its
// direction and the node at its far end. Facts are the role's outgoing relationships; the types the relation
// table (src/models/relations.ts) counts both ways between roles (RELATED_TO,
// COLLABORATES_WITH) count in both directions, since the sources state them of the pair.
// The fragment markers are written out from that table when the catalog loads.
// The hint keeps the index seek even when statistics are stale (right after a load).
UNWIND $ids AS id
MATCH (role:Node {id: id})
USING INDEX SEEK role:Node(id)
WHERE role:Role
RETURN role {.*} AS role,
  [(role)-[r]->(target:Node) WHERE NOT (target:Role AND type(r) IN [/*@both-ways-type-list*/])
    | {type: type(r), direction: 'out', link: properties(r), target: target {.*},
       label: [l IN labels(target) WHERE l <> 'Node'][0]}]
  + [(role)-[r:/*@both-ways-types*/]-(target:Role)
    | {type: type(r), direction: CASE WHEN startNode(r) = role THEN 'out' ELSE 'in' END,
       link: properties(r), target: target {.*}, label: 'Role'}] AS links
