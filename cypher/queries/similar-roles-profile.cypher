// Question: which roles are most alike this role by their whole profile (the PROFILE
// metric)?
// Parameters: $roleId, $first (1..100), $roleProperties, $skillProperties (as in
// similar-roles.cypher).
// The neighbours are not computed here: each role keeps its nearest ones, best first
// (similarIds and the aligned similarScores, similarNames, similarDuties, similarSkills:
// the score and the cosine of each profile block), rebuilt after every write by
// src/database/role-neighbours.ts from the formulas of src/analysis/role-profile.ts.
// This statement reads the first $first of them, skipping any deleted since the last
// rebuild, and adds, for each pair, what similar-roles.cypher gives for it: the shared
// skills, |A ∪ B| and both Jaccard indexes (same formulas, same roleCount and idf).
// Returns one row: found (false when $roleId is not a role) and up to $first matches.
OPTIONAL MATCH (role:Node {id: $roleId})
USING INDEX SEEK role:Node(id)
WHERE role:Role
CALL () { MATCH (any:Role) RETURN count(any) AS roleCount }
CALL (role, roleCount) {
  WITH role, roleCount, coalesce(role.similarIds, []) AS ids
  UNWIND range(0, size(ids) - 1) AS position
  MATCH (other:Node {id: ids[position]})
  WHERE other:Role
  WITH role, roleCount, position, other
  ORDER BY position
  LIMIT toInteger($first)
  CALL (role, other, roleCount) {
    OPTIONAL MATCH (role)-[mine:REQUIRES_SKILL]->(skill:Skill)<-[theirs:REQUIRES_SKILL]-(other)
    WITH skill, mine.weight AS wA, theirs.weight AS wB,
      CASE WHEN skill IS NULL THEN 0.0 ELSE log(1.0 + toFloat(roleCount) / COUNT { (skill)<-[:REQUIRES_SKILL]-() }) END AS idf
    RETURN collect(skill) AS shared, count(skill) AS sharedCount,
      sum(CASE WHEN skill IS NULL THEN 0.0 ELSE idf * CASE WHEN wA < wB THEN wA ELSE wB END END) AS sharedWeight
  }
  WITH role, other, position, shared, sharedCount, sharedWeight,
    coalesce(role.skillCount, 0) + coalesce(other.skillCount, 0) - sharedCount AS unionSize,
    coalesce(role.skillWeight, 0.0) + coalesce(other.skillWeight, 0.0) - sharedWeight AS unionWeight
  RETURN collect({
    role: [p IN coalesce($roleProperties, keys(other)) | [p, other[p]]],
    score: role.similarScores[position],
    parts: {names: role.similarNames[position], duties: role.similarDuties[position], skills: role.similarSkills[position]},
    jaccard: CASE unionSize WHEN 0 THEN 0.0 ELSE round(toFloat(sharedCount) / unionSize, 12) END,
    weightedJaccard: CASE WHEN unionWeight > 0 THEN round(sharedWeight / unionWeight, 12) ELSE 0.0 END,
    unionSize: unionSize,
    shared: [s IN shared | [p IN coalesce($skillProperties, keys(s)) | [p, s[p]]]]
  }) AS matches
}
RETURN role IS NOT NULL AS found, matches
