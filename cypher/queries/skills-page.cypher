// Question: which skills come next in id order, and how many are there in all?
// Parameters: $after (id to start after; '' for the first page, as ids are never empty),
//             $limit (page size plus one, to tell whether another page follows).
// The page is read in order from the skill_id range index (migration 012), which
// stops after $limit entries.
// Only the page's skills are projected.
// Returns one row: total and the page's skills.
CALL () { MATCH (s:Skill) RETURN count(s) AS total }
RETURN total, COLLECT {
  MATCH (s:Skill)
  USING INDEX s:Skill(id)
  WHERE s.id > $after
  WITH s ORDER BY s.id LIMIT toInteger($limit)
  RETURN s {.*}
} AS nodes
