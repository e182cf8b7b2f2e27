// Question: what do these roles have in common on one dimension, and what does each
// have that no other role of the set has?
// Parameters: $roleIds (2..10 role ids; the same id twice is allowed),
//             $type (the dimension's relationship type: REQUIRES_SKILL, HAS_RESPONSIBILITY,
//             WORKS_IN or USES_TOOL, checked against the relation table, src/models/relations.ts),
//             $roleProperties, $itemProperties (the properties of the roles and of the
//             items to return, as the query selects them; null for all).
// Formula: items(r) = nodes r points at with $type;
//   shared = ∩ items(r) over all positions; only(i) = items(r_i) minus the items of every
//   other position; jaccard = |shared| / |∪ items(r)|, 0 when the union is empty.
// Returns one row: missing (asked ids that are not roles), positions (role and its
// only-items, in the order asked), shared, jaccard. Roles and items are lists of
// [name, value] pairs of the properties asked for; a position's role is null when its
// id is not a role.
UNWIND range(0, size($roleIds) - 1) AS position
OPTIONAL MATCH (role:Node {id: $roleIds[position]})
USING INDEX SEEK role:Node(id)
WHERE role:Role
WITH position, role, [(role)-[:$($type)]->(item:Node) | item] AS items
ORDER BY position
WITH collect({position: position, id: $roleIds[position], role: role, items: items}) AS rows
WITH rows,
  reduce(acc = rows[0].items, row IN rows[1..] | [item IN acc WHERE item IN row.items]) AS shared,
  reduce(acc = [], row IN rows | acc + [item IN row.items WHERE NOT item IN acc]) AS union
RETURN
  [row IN rows WHERE row.role IS NULL | row.id] AS missing,
  [row IN rows | {
    role: CASE WHEN row.role IS NOT NULL THEN [p IN coalesce($roleProperties, keys(row.role)) | [p, row.role[p]]] END,
    only: [item IN row.items
      WHERE none(other IN rows WHERE other.position <> row.position AND item IN other.items)
      | [p IN coalesce($itemProperties, keys(item)) | [p, item[p]]]]
  }] AS positions,
  [item IN shared | [p IN coalesce($itemProperties, keys(item)) | [p, item[p]]]] AS shared,
  CASE size(union) WHEN 0 THEN 0.0 ELSE toFloat(size(shared)) / size(union) END AS jaccard
