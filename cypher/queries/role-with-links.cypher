// Question: a role, the kinds of facts about it a query selects, and those it selects of
// the roles related to it, in one statement (what Query.role reads for a nested query).
// Parameters: $id (the role's id); $keys (list of {type, properties, linkProperties}:
// relationship types of the role's facts with the properties to read of the far nodes
// and of the relationships, null for all, as in role-links.cypher, the allow-list in
// src/repositories/role.repository.ts); $relatedKeys (the same, for every role related
// to it, RELATED_TO either way).
// Returns one row: role (its properties; null when $id is not a role) and groups (one
// {id, type, properties, linkProperties, links} per role and key, links shaped as in
// role-links.cypher, whose typed expansion this repeats over each (role, key) pair).
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
  WITH pair.owner AS owner, pair.key AS key
  WITH owner, key, CASE key.type
    WHEN 'REQUIRES_SKILL' THEN [(owner)-[r:REQUIRES_SKILL]->(target:Entity) | [r, target]]
    WHEN 'HAS_RESPONSIBILITY' THEN [(owner)-[r:HAS_RESPONSIBILITY]->(target:Entity) | [r, target]]
    WHEN 'WORKS_IN' THEN [(owner)-[r:WORKS_IN]->(target:Entity) | [r, target]]
    WHEN 'USES_TOOL' THEN [(owner)-[r:USES_TOOL]->(target:Entity) | [r, target]]
    WHEN 'REQUIRES_EDUCATION' THEN [(owner)-[r:REQUIRES_EDUCATION]->(target:Entity) | [r, target]]
    WHEN 'HAS_SALARY' THEN [(owner)-[r:HAS_SALARY]->(target:Entity) | [r, target]]
    WHEN 'HAS_GROWTH' THEN [(owner)-[r:HAS_GROWTH]->(target:Entity) | [r, target]]
    WHEN 'RELATED_TO' THEN [(owner)-[r:RELATED_TO]->(target:Entity) WHERE NOT target:Role | [r, target]]
      + [(owner)-[r:RELATED_TO]-(target:Role) | [r, target]]
    WHEN 'COLLABORATES_WITH' THEN [(owner)-[r:COLLABORATES_WITH]->(target:Entity) WHERE NOT target:Role | [r, target]]
      + [(owner)-[r:COLLABORATES_WITH]-(target:Role) | [r, target]]
  END AS found
  RETURN collect({id: owner.id, type: key.type, properties: key.properties, linkProperties: key.linkProperties,
    links: [hit IN found | {type: key.type, direction: CASE WHEN startNode(hit[0]) = owner THEN 'out' ELSE 'in' END,
      link: [p IN coalesce(key.linkProperties, keys(hit[0])) | [p, hit[0][p]]],
      target: [p IN coalesce(key.properties, keys(hit[1])) | [p, hit[1][p]]],
      label: [l IN labels(hit[1]) WHERE l <> 'Entity'][0]}]}) AS groups
}
RETURN role {.*} AS role, groups
