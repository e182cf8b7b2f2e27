// Write: replaces the kept nearest neighbours of some roles (the PROFILE similarity,
// src/analysis/role-profile.ts): aligned lists on the role, best first, of the
// neighbours' ids, scores and the cosine of each profile block. They are derived data,
// not facts: no stamp, no citation.
// Parameters: $rows (list of {id, ids, scores, names, duties, skills}).
// Returns one row: written (roles found and written).
UNWIND $rows AS row
MATCH (role:Node {id: row.id})
WHERE role:Role
SET role.similarIds = row.ids, role.similarScores = row.scores, role.similarNames = row.names,
  role.similarDuties = row.duties, role.similarSkills = row.skills
RETURN count(role) AS written
