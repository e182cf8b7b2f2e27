// Question: for these roles, what do they state one hop away along these relationship types?
// Parameters: $keys (list of {id, type, properties, linkProperties}: a role id, one
// relationship type of a role's facts, checked against the allow-list of role relations
// in src/models/relations.ts, and the properties to read of the far nodes and
// of the relationships, or null for all of them).
// Returns one row per key whose role exists: id, type, properties, linkProperties and the
// links of that type (direction, the relationship's and the far node's properties as
// [name, value] pairs, and the far node's label).
// Each type is expanded by its name (one branch per allow-listed type, written out from
// the relation table when the catalog loads: the role-fact-branches marker), so a
// role's other relationships are never read. RELATED_TO and COLLABORATES_WITH between
// roles count in both directions. Resolvers ask only for the types a query selects, so a
// query for a role's skills never reads its figures or its related roles' facts; of
// links and far nodes, only the properties the query selects are read.
// The hint keeps the index seek even when statistics are stale (right after a load).
UNWIND $keys AS key
MATCH (role:Node {id: key.id})
USING INDEX SEEK role:Node(id)
WHERE role:Role
WITH key, role, CASE key.type
    /*@role-fact-branches role*/
  END AS found
RETURN key.id AS id, key.type AS type, key.properties AS properties, key.linkProperties AS linkProperties,
  [hit IN found | {type: key.type, direction: CASE WHEN startNode(hit[0]) = role THEN 'out' ELSE 'in' END,
    link: [p IN coalesce(key.linkProperties, keys(hit[0])) | [p, hit[0][p]]],
    target: [p IN coalesce(key.properties, keys(hit[1])) | [p, hit[1][p]]],
    label: [l IN labels(hit[1]) WHERE l <> 'Node'][0]}] AS links
