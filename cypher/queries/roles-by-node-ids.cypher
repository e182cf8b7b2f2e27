// Question: which roles point at each of these nodes (require the skill, work in the
// setting, use the tool, ask for the education, work with the collaborator...)?
// Parameters: $ids (list of node ids).
// Returns one row per id found, with the distinct roles ordered by name.
// The hint keeps the index seek even when statistics are stale (right after a load).
UNWIND $ids AS id
MATCH (n:Node {id: id})
USING INDEX SEEK n:Node(id)
RETURN id, COLLECT {
  MATCH (role:Role)-->(n)
  WITH DISTINCT role
  ORDER BY role.name
  RETURN role {.*}
} AS roles
