// Question: for these roles, what do they state one hop away along these relationship types?
// Parameters: $keys (list of {id, type, properties}: a role id, one relationship type of a
// role's facts, checked against the allow-list in src/repositories/role.repository.ts, and
// the far nodes' properties to read, or null for all of them).
// Returns one row per key whose role exists: id, type, properties and the links of that
// type, shaped as in role-details-by-ids (direction, link properties, the far node's
// properties as [name, value] pairs, and its label).
// RELATED_TO and COLLABORATES_WITH between roles count in both directions. Resolvers
// ask only for the types a query selects, so a query for a role's skills never reads
// its figures or its related roles' facts; of a link, only what the API shows is read,
// and of the far node only the properties the query selects.
// The hint keeps the index seek even when statistics are stale (right after a load).
UNWIND $keys AS key
MATCH (role:Entity {id: key.id})
USING INDEX SEEK role:Entity(id)
WHERE role:Role
WITH key, role, key.type IN ['RELATED_TO', 'COLLABORATES_WITH'] AS betweenRoles
RETURN key.id AS id, key.type AS type, key.properties AS properties,
  [(role)-[r:$(key.type)]->(target:Entity) WHERE NOT (betweenRoles AND target:Role)
    | {type: type(r), direction: 'out', link: r {.sourceIds, .quotes, .inferred, .reason, .importance, .level, .essential, .tier, .rank}, target: [p IN coalesce(key.properties, keys(target)) | [p, target[p]]],
       label: [l IN labels(target) WHERE l <> 'Entity'][0]}]
  + [(role)-[r:$(key.type)]-(target:Role) WHERE betweenRoles
    | {type: type(r), direction: CASE WHEN startNode(r) = role THEN 'out' ELSE 'in' END,
       link: r {.sourceIds, .quotes, .inferred, .reason, .importance, .level, .essential, .tier, .rank}, target: [p IN coalesce(key.properties, keys(target)) | [p, target[p]]], label: 'Role'}] AS links
