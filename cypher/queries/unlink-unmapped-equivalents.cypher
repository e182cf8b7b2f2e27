// Write: remove the equivalence links a role's editorial mapping no longer states.
// Parameters: $id (the role), $crosswalk (the name the mapping's links carry), $keep (ids of the ends the mapping
// still states). Returns how many links were removed and the sources each cited (`cited`), for the
// Sources' factCount.
// The hint keeps the index seek even when statistics are stale (right after a load).
MATCH (role:Node {id: $id})
USING INDEX SEEK role:Node(id)
OPTIONAL MATCH (role)-[link:EQUIVALENT_TO]->(other:Node)
WHERE link.crosswalk = $crosswalk AND NOT other.id IN $keep
WITH link, link.sourceIds AS cited
DELETE link
RETURN count(link) AS removed, [list IN collect(cited) WHERE list IS NOT NULL] AS cited
