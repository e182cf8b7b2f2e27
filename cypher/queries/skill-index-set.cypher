// Write: replaces the skill index of some skills: for each skill, aligned lists of the
// roles requiring it (requiredByIds, in id order) and of each requirement's share of
// the role's skill profile (requiredByShares: sal(role, skill) / ‖role‖, see
// recommend-roles.cypher). recommend-roles.cypher sums these over a person's skills
// instead of reading every requirement. Derived data, rebuilt with the kept neighbours
// (src/database/role-neighbours.ts): no stamp, no citation.
// Parameters: $rows (list of {id, ids, shares}).
// Returns one row: written (skills found and written).
UNWIND $rows AS row
MATCH (skill:Node {id: row.id})
WHERE skill:Skill
SET skill.requiredByIds = row.ids, skill.requiredByShares = row.shares
RETURN count(skill) AS written
