// Question: which roles are most alike this role by their whole profile (the PROFILE
// metric)?
// Parameters: $roleId, $first (1..100), $roleProperties, $skillProperties (as in
// similar-roles.cypher), $overlap (false when the caller needs none of the overlap
// figures below: then they are 0 and the shared skills empty, and no requirement is read).
// The neighbours are not computed here: each role keeps its nearest ones, best first
// (similarIds and the aligned similarScores, similarNames, similarDuties, similarSkills:
// the score and the cosine of each profile block), rebuilt after every write by
// src/database/role-neighbours.ts from the formulas of src/analysis/role-profile.ts.
// This statement reads the first $first of them, skipping any deleted since the last
// rebuild (among the first 2 × $first), and adds, for each pair, what similar-roles.cypher gives for it: the shared
// skills, |A ∪ B| and both Jaccard indexes (same formulas, same roleCount and idf).
// Returns one row: found (false when $roleId is not a role) and up to $first matches.
OPTIONAL MATCH (role:Node {id: $roleId})
USING INDEX SEEK role:Node(id)
WHERE role:Role
CALL () { MATCH (any:Role) RETURN count(any) AS roleCount }
CALL (role, roleCount) {
  // The role's own requirements, read once for all its matches.
  CALL (role) {
    WITH role WHERE $overlap
    MATCH (role)-[mine:REQUIRES_SKILL]->(skill:Skill)
    RETURN collect([skill, mine.weight]) AS mine
  }
  // At most 2 × $first kept entries are looked at: a role deleted since the last rebuild
  // is skipped, and every deletion is followed by a rebuild.
  WITH role, roleCount, mine, coalesce(role.similarIds, [])[0..toInteger($first) * 2] AS ids
  UNWIND range(0, size(ids) - 1) AS position
  MATCH (other:Node {id: ids[position]})
  USING INDEX SEEK other:Node(id)
  WHERE other:Role
  WITH role, roleCount, mine, position, other
  ORDER BY position
  LIMIT toInteger($first)
  // From the other role's side: each of its requirements is looked up among the role's,
  // rather than expanding from every shared skill to the hundreds of roles needing it.
  CALL (other, roleCount, mine) {
    WITH other, roleCount, mine WHERE $overlap
    MATCH (other)-[theirs:REQUIRES_SKILL]->(skill:Skill)
    WITH skill, theirs.weight AS wB, [m IN mine WHERE m[0] = skill | m[1]] AS wA, roleCount
    WHERE size(wA) > 0
    WITH skill, wA[0] AS wA, wB, log(1.0 + toFloat(roleCount) / COUNT { (skill)<-[:REQUIRES_SKILL]-() }) AS idf
    RETURN collect(skill) AS shared, count(skill) AS sharedCount,
      sum(idf * CASE WHEN wA < wB THEN wA ELSE wB END) AS sharedWeight
  }
  WITH role, other, position, shared, sharedCount, sharedWeight,
    coalesce(role.skillCount, 0) + coalesce(other.skillCount, 0) - sharedCount AS unionSize,
    coalesce(role.skillWeight, 0.0) + coalesce(other.skillWeight, 0.0) - sharedWeight AS unionWeight
  RETURN collect({
    role: [p IN coalesce($roleProperties, keys(other)) | [p, other[p]]],
    score: role.similarScores[position],
    parts: {names: role.similarNames[position], duties: role.similarDuties[position], skills: role.similarSkills[position]},
    jaccard: CASE WHEN NOT $overlap OR unionSize = 0 THEN 0.0 ELSE round(toFloat(sharedCount) / unionSize, 12) END,
    weightedJaccard: CASE WHEN $overlap AND unionWeight > 0 THEN round(sharedWeight / unionWeight, 12) ELSE 0.0 END,
    unionSize: CASE WHEN $overlap THEN unionSize ELSE 0 END,
    shared: [s IN shared | [p IN coalesce($skillProperties, keys(s)) | [p, s[p]]]]
  }) AS matches
}
RETURN role IS NOT NULL AS found, matches
