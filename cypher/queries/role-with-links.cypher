// Question: a role, the kinds of facts about it a query selects, and those it selects of
// the roles related to it, in one statement (what Query.role reads for a nested query).
// Parameters: $id (the role's id); $keys (list of {type, properties}: relationship types
// of the role's facts with the far nodes' properties to read, null for all, as in
// role-links.cypher, the allow-list in src/repositories/role.repository.ts);
// $relatedKeys (the same, for every role related to it, RELATED_TO either way).
// Returns one row: role (its properties; null when $id is not a role) and groups (one
// {id, type, properties, links} per role and key, links shaped as in role-links.cypher,
// whose comprehension this repeats over each (role, key) pair).
OPTIONAL MATCH (role:Entity {id: $id})
USING INDEX SEEK role:Entity(id)
WHERE role:Role
WITH role,
  CASE WHEN role IS NULL OR size($relatedKeys) = 0 THEN []
    ELSE COLLECT { MATCH (role)-[:RELATED_TO]-(other:Role) RETURN DISTINCT other } END AS related
WITH role,
  CASE WHEN role IS NULL THEN [] ELSE [key IN $keys | {owner: role, key: key}] END +
  reduce(pairs = [], other IN related | pairs + [key IN $relatedKeys | {owner: other, key: key}]) AS pairs
CALL (pairs) {
  UNWIND pairs AS pair
  WITH pair.owner AS owner, pair.key AS key, pair.key.type IN ['RELATED_TO', 'COLLABORATES_WITH'] AS betweenRoles
  RETURN collect({id: owner.id, type: key.type, properties: key.properties, links:
    [(owner)-[r:$(key.type)]->(target:Entity) WHERE NOT (betweenRoles AND target:Role)
      | {type: type(r), direction: 'out', link: r {.sourceIds, .quotes, .inferred, .reason, .importance, .level, .essential, .tier, .rank},
         target: [p IN coalesce(key.properties, keys(target)) | [p, target[p]]],
         label: [l IN labels(target) WHERE l <> 'Entity'][0]}]
    + [(owner)-[r:$(key.type)]-(target:Role) WHERE betweenRoles
      | {type: type(r), direction: CASE WHEN startNode(r) = owner THEN 'out' ELSE 'in' END,
         link: r {.sourceIds, .quotes, .inferred, .reason, .importance, .level, .essential, .tier, .rank},
         target: [p IN coalesce(key.properties, keys(target)) | [p, target[p]]], label: 'Role'}]}) AS groups
}
RETURN role {.*} AS role, groups
