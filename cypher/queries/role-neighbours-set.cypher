// Write: replaces the kept nearest neighbours of some roles (the PROFILE similarity,
// src/analysis/role-profile.ts): aligned lists on the role, best first, of the
// neighbours' ids, scores, the cosine of each profile block and job zones (0 when
// unknown: a stored list holds no null), and the role's own job zone (null when
// unknown), which the search for career moves reads (career-neighbours.cypher). They
// are derived data, not facts: no stamp, no citation.
// Parameters: $rows (list of {id, ids, scores, names, duties, skills, zones, jobZone}).
// Returns one row: written (roles found and written).
UNWIND $rows AS row
MATCH (role:Node {id: row.id})
USING INDEX SEEK role:Node(id)
WHERE role:Role
SET role.similarIds = row.ids, role.similarScores = row.scores, role.similarNames = row.names,
  role.similarDuties = row.duties, role.similarSkills = row.skills, role.similarZones = row.zones,
  role.jobZone = row.jobZone
RETURN count(role) AS written
