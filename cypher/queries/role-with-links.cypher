// Question: a role, the kinds of facts about it a query selects, and those it selects of
// the roles related to it, in one statement (what Query.role reads for a nested query).
// Parameters: $id (the role's id); $keys (list of {type, properties, linkProperties}:
// relationship types of the role's facts with the properties to read of the far nodes
// and of the relationships, null for all, as in role-links.cypher, the allow-list of role
// relations in src/models/relations.ts); $relatedKeys (the same, for every role related
// to it, RELATED_TO either way).
// Returns one row: role (its properties; null when $id is not a role) and groups (one
// {id, type, properties, linkProperties, links} per role and key, links shaped as in
// role-links.cypher, whose typed expansion, the same role-fact-branches fragment,
// this applies to each (role, key) pair).
OPTIONAL MATCH (role:Node {id: $id})
USING INDEX SEEK role:Node(id)
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
    /*@role-fact-branches owner*/
  END AS found
  RETURN collect({id: owner.id, type: key.type, properties: key.properties, linkProperties: key.linkProperties,
    links: [hit IN found | {type: key.type, direction: CASE WHEN startNode(hit[0]) = owner THEN 'out' ELSE 'in' END,
      link: [p IN coalesce(key.linkProperties, keys(hit[0])) | [p, hit[0][p]]],
      target: [p IN coalesce(key.properties, keys(hit[1])) | [p, hit[1][p]]],
      label: [l IN labels(hit[1]) WHERE l <> 'Node'][0]}]}) AS groups
}
RETURN role {.*} AS role, groups
